import Domain
import Features
import Foundation
import Markup

/// The head-counts of the engagement form: one group of fields per line — who was counted, how many,
/// "at least" — and, folded under it, how many by gender, by age band and by community. Every line the
/// record has is shown with all its breakdowns, then blank lines for more; a blank line is left out when
/// saved. Works without a script, one column on a phone.
extension EngagementFormPage {
    /// Blank lines offered after the ones recorded (more on the next edit).
    static let blankLines = 2
    /// At least this many community pairs on a line, and always one blank pair after those recorded.
    static let communityPairs = 2

    static func headCounts(_ model: Model, text: Localizer) -> Component {
        let lines = model.values.headCounts + Array(repeating: HeadCountLine(), count: blankLines)
        let error = model.errors["headCounts"]
        return H.el("fieldset", [("class", "head-counts" + (error == nil ? "" : " has-error")), ("id", "f-headCounts"),
                                 ("aria-describedby", "f-headCounts-help")]) {
            H.el("legend") { Text(text("engagements.headCounts")) }
            H.text("p", [("class", "help"), ("id", "f-headCounts-help")], text("engagements.headCounts.help"))
            if let error { H.text("p", [("class", "error")], error) }
            for (index, line) in lines.enumerated() { headCountLine(index, line, model, text: text) }
        }
    }

    static func headCountLine(_ index: Int, _ line: HeadCountLine, _ model: Model, text: Localizer) -> Component {
        let errors = model.errors
        let name = { (part: String) in "headCounts[\(index)][\(part)]" }
        let parts = ["byGender", "byAge", "byCommunity"]
        let open = line.hasBreakdown || parts.contains { errors[HeadCount.field(index, $0)] != nil }
        return H.el("fieldset", [("class", "head-count"), ("id", Forms.id(HeadCount.field(index)))]) {
            H.el("legend") { Text(text("engagements.headCountLine", index + 1)) }
            H.el("div", [("class", "head-count-main")]) {
                Forms.field(label: text("engagements.headCountCategory"), name: name("category"), value: line.category,
                            error: errors[HeadCount.field(index, "category")], id: Forms.id(HeadCount.field(index, "category")))
                number(label: text("engagements.headCountNumber"), name: name("count"), value: line.count,
                       field: HeadCount.field(index, "count"), errors: errors)
                Forms.checkbox(label: text("engagements.headCountAtLeast"), name: name("atLeast"), checked: line.atLeast,
                               id: Forms.id(HeadCount.field(index, "atLeast")))
            }
            H.el("details", [("class", "breakdown"), ("open", open ? "" : nil)]) {
                H.el("summary") { Text(text("engagements.breakdown")) }
                H.text("p", [("class", "help")], text("engagements.breakdown.help"))
                group(index, "byGender", legend: text("engagements.byGender"), errors: errors) {
                    for gender in HeadCountGender.allCases {
                        number(label: text("headCountGender.\(gender.rawValue)"), name: name("gender") + "[\(gender.rawValue)]",
                               value: line.gender[gender.rawValue] ?? "", id: Forms.id(HeadCount.field(index, "byGender/\(gender.rawValue)")))
                    }
                }
                group(index, "byAge", legend: text("engagements.byAge"), errors: errors) {
                    for band in AgeBand.allCases {
                        number(label: text("ageBand.\(band.rawValue)"), name: name("age") + "[\(band.rawValue)]",
                               value: line.age[band.rawValue] ?? "", id: Forms.id(HeadCount.field(index, "byAge/\(band.rawValue)")))
                    }
                }
                group(index, "byCommunity", legend: text("engagements.byCommunity"), errors: errors, pairs: true) {
                    // By name, as the menus list them (a record keeps them by identity, in no order of its own).
                    let names = Dictionary(model.communities.map { ($0.id.uuidString.lowercased(), $0.name) }, uniquingKeysWith: { a, _ in a })
                    let recorded = line.communities.sorted { (names[$0.id] ?? $0.id) < (names[$1.id] ?? $1.id) }
                    let pairs = recorded + Array(repeating: HeadCountLine.CommunityCount(),
                                                         count: max(communityPairs - line.communities.count, 1))
                    for (pairIndex, pair) in pairs.enumerated() {
                        communityPair(index, pairIndex, pair, model.communities, text: text)
                    }
                }
            }
        }
    }

    /// A breakdown's numbers under one legend, its mistake beside it.
    static func group(_ index: Int, _ part: String, legend: String, errors: Forms.Errors, pairs: Bool = false,
                      @ComponentBuilder fields: () -> Component) -> Component {
        let id = Forms.id(HeadCount.field(index, part)), error = errors[HeadCount.field(index, part)]
        return H.el("fieldset", [("class", (pairs ? "community-counts" : "counts") + (error == nil ? "" : " has-error")), ("id", id),
                                 ("aria-describedby", error == nil ? nil : id + "-error")]) {
            H.el("legend") { Text(legend) }
            if let error { H.text("p", [("class", "error"), ("id", id + "-error")], error) }
            H.el("div", [("class", pairs ? "pairs" : "numbers")]) { fields() }
        }
    }

    /// A whole number of people: the phone shows its number pad.
    static func number(label: String, name: String, value: String, id: String? = nil, field: String? = nil,
                       errors: Forms.Errors = .init()) -> Component {
        let id = id ?? Forms.id(field ?? name)
        let error = field.flatMap { errors[$0] }
        return Forms.wrapped(label: label, id: id, help: nil, error: error) { described in
            H.void("input", [("type", "number"), ("id", id), ("name", name), ("value", value), ("min", "0"),
                             ("max", String(HeadCount.maximumCount)), ("step", "1"), ("inputmode", "numeric"),
                             ("aria-describedby", described), ("aria-invalid", error == nil ? nil : "true")])
        }
    }

    /// A community and how many of the line's people belong to it. A community the registry no longer offers
    /// (deleted since, or a name the API took before identities) stays offered on the line that has it.
    static func communityPair(_ index: Int, _ pairIndex: Int, _ pair: HeadCountLine.CommunityCount, _ communities: [RecordRef],
                              text: Localizer) -> Component {
        let name = "headCounts[\(index)][community][\(pairIndex)]"
        let id = Forms.id(HeadCount.field(index, "byCommunity/\(pairIndex)"))
        var options = [(value: "", label: text("engagements.noChoice"))]
            + communities.map { (value: $0.id.uuidString.lowercased(), label: $0.name) }
        if !pair.id.isEmpty, !options.contains(where: { $0.value == pair.id }) {
            options.append((value: pair.id, label: UUID(uuidString: pair.id) != nil ? text("engagements.communityGone") : pair.id))
        }
        return H.el("div", [("class", "pair")]) {
            Forms.select(label: text("engagements.community"), name: name + "[id]", options: options, selected: pair.id, id: id + "-id")
            number(label: text("engagements.headCountNumber"), name: name + "[count]", value: pair.count, id: id + "-count")
        }
    }
}
