import Domain

extension EngagementFormPage {
    /// One head-count line of the form, as typed: the category, the count, "at least", and the breakdowns by
    /// gender and age band (key → typed number) and by community (pairs of a community and a number). A
    /// line read from the record shows every breakdown it has, so saving the form again keeps them as they are.
    struct HeadCountLine: Sendable, Equatable {
        struct CommunityCount: Sendable, Equatable {
            var id = "", count = ""
        }

        var category = "", count = "", atLeast = false
        /// `HeadCountGender` raw value → the number as typed.
        var gender: [String: String] = [:]
        /// `AgeBand` raw value → the number as typed.
        var age: [String: String] = [:]
        var communities: [CommunityCount] = []

        init() {}

        init(_ headCount: HeadCount) {
            category = headCount.category
            count = String(headCount.count)
            atLeast = headCount.atLeast
            gender = headCount.byGender.mapValues(String.init)
            age = headCount.byAge.mapValues(String.init)
            communities = headCount.byCommunity.sorted { $0.key < $1.key }.map { CommunityCount(id: $0.key, count: String($0.value)) }
        }

        /// Nothing was typed on this line: it is left out (the form always offers blank lines).
        var isBlank: Bool {
            category.trimmingWhitespace().isEmpty && count.trimmingWhitespace().isEmpty && !hasBreakdown
        }

        var hasBreakdown: Bool {
            gender.values.contains { !$0.trimmingWhitespace().isEmpty } || age.values.contains { !$0.trimmingWhitespace().isEmpty }
                || communities.contains { !$0.count.trimmingWhitespace().isEmpty }
        }
    }
}
