import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario 4: management compares reach this year with last — engagements by kind and month, people by
/// level of government and by community with the non-majority share, named and counted apart — and an
/// officer's figures never count what an officer may not see.
@Suite("The period report and the dashboard")
struct PeriodReportTests {
    func year2023(_ app: Application) async throws -> RegistryFixture {
        let f = try await RegistryFixture.make(app)
        let albanian = try await Communities(database: app.db).create(CommunityInput(name: "Albanian", status: "majority", regionID: f.pristina), by: .commandLine)
        var municipality = OrganizationInput(name: "Municipality of Mitrovica South")
        municipality.kind = "municipality"
        municipality.level = "municipal"
        let town = try await Organizations(database: app.db).create(municipality, by: .commandLine)
        var arbenInput = PersonInput(name: "Arben Krasniqi")
        arbenInput.communityID = albanian.id
        let arben = try await People(database: app.db).create(arbenInput, by: .commandLine)
        _ = try await Positions(database: app.db).create(PositionInput(personID: arben.id, organizationID: town.id, title: "Councillor", startsOn: "2021-11-01"), by: .commandLine)

        let engagements = Engagements(database: app.db)
        var forum = EngagementInput(kind: "meeting", title: "Councillors and the DPM", start: "2023-03-10T10:00", timeZone: "Europe/Belgrade")
        forum.placeID = f.mitrovica
        forum.participants = [ParticipantInput(personID: f.redzepi), ParticipantInput(personID: arben.id), ParticipantInput(personID: f.hidden)]
        forum.headCounts = [HeadCount(category: "community representatives", count: 25, byCommunity: ["Serb": 10, "albanian": 15])]
        forum.followUps = [FollowUpInput(text: "Send the minutes", dueOn: "2023-03-20", status: "done"), FollowUpInput(text: "Visit the school", dueOn: "2023-04-01")]
        _ = try await engagements.create(forum, by: .commandLine)
        var briefing = EngagementInput(kind: "meeting", title: "Restricted briefing", start: "2023-05-05T09:00", timeZone: "Europe/Belgrade")
        briefing.placeID = f.pristina
        briefing.confidentiality = "restricted"
        briefing.participants = [ParticipantInput(personID: arben.id)]
        _ = try await engagements.create(briefing, by: .commandLine)
        // The last evening of the year where it happened, already the next year in UTC... and the reverse.
        var lateWorkshop = EngagementInput(kind: "workshop", title: "New Year's Eve workshop", start: "2023-12-31T23:30", timeZone: "Europe/Belgrade")
        lateWorkshop.placeID = f.pristina
        _ = try await engagements.create(lateWorkshop, by: .commandLine)
        _ = try await engagements.create(EngagementInput(kind: "call", title: "First call of 2024", start: "2024-01-01T00:30", timeZone: "Europe/Belgrade"), by: .commandLine)
        var lastYear = EngagementInput(kind: "meeting", title: "A meeting in 2022", start: "2022-06-01T10:00", timeZone: "Europe/Belgrade")
        lastYear.participants = [ParticipantInput(personID: f.redzepi)]
        _ = try await engagements.create(lastYear, by: .commandLine)
        return f
    }

    @Test func anOfficersFiguresLeaveOutRestrictedEngagementsAndPeople() async throws {
        try await withRoundtable { app in
            _ = try await year2023(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let today = Day("2024-06-01")!
            let report = try await PeriodReport.make(year, database: app.db, language: "en", today: today, by: .user(officer))
            let now = report.current
            #expect(now.engagements == 2 && now.byKind == ["meeting": 1, "workshop": 1])
            #expect(now.byMonth == ["2023-03": 1, "2023-12": 1])
            #expect(now.byMunicipality == ["Mitrovica South": 1, "Pristina": 1])
            #expect(now.namedPeople == 2, "Miloš Jovanović is restricted")
            #expect(now.peopleByLevel == ["ministerial": 1, "municipal": 1])
            #expect(now.organizationsByLevel == ["ministerial": 1, "municipal": 1])
            #expect(now.communities.named == ["Albanian": 1, "": 1])
            #expect(now.communities.nonMajorityNamed == 0 && now.communities.knownNamed == 1)
            #expect(now.counted == 25 && now.communities.counted == ["Serb": 10, "Albanian": 15])
            #expect(now.communities.nonMajorityShareCounted == 0.4)
            #expect(now.communities.nonMajorityShareTogether == 10.0 / 26.0)
            #expect(now.followUps.total == 2 && now.followUps.done == 1 && now.followUps.overdue == 1 && now.followUps.completion == 0.5)
            #expect(report.previous.period.from.description == "2022-01-01" && report.previous.engagements == 1 && report.previous.namedPeople == 1)

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let full = try await PeriodReport.make(year, database: app.db, language: "en", today: today, by: .user(coordinator)).current
            #expect(full.engagements == 3 && full.namedPeople == 3 && full.communities.nonMajorityNamed == 1)
        }
    }

    @Test func theReportItsExportsAndTheDashboardOnTheSiteAndInTheAPI() async throws {
        try await withRoundtable { app in
            let f = try await year2023(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let query = "?from=2023-01-01&to=2023-12-31"
            let page = try await browser.get("/reports/period" + query)
            #expect(page.status == .ok && page.text.contains("1 January 2023 – 31 December 2023, compared with 1 January 2022 – 31 December 2022."))
            #expect(page.text.contains("Share of non-majority communities") && page.text.contains("Restricted engagements and people are not counted"))
            #expect(!page.text.contains("Miloš") && !page.text.contains("Restricted briefing"))

            let csv = try await browser.get("/reports/period.csv" + query)
            let lines = csv.body.string.components(separatedBy: "\r\n")
            #expect(lines[0] == "\u{FEFF}Section,Figure,1 January 2023 – 31 December 2023,1 January 2022 – 31 December 2022")
            #expect(lines.contains("People reached,Named participants (each once),2,1"))
            #expect(lines.contains("Head-counts by community,Share of non-majority communities,40 %,–"))
            let file = try await browser.get("/reports/period.html" + query).body.string
            #expect(file.hasPrefix("<!DOCTYPE html>") && file.contains("<style>") && file.contains("Share of non-majority communities") && !file.contains("Miloš"))
            #expect(file.contains("Restricted engagements and people are not counted in your copy."), "the officer's file says whose view it is")
            let markdown = try await browser.get("/reports/period.md" + query)
            #expect(markdown.body.string.contains("| Counted in head-counts | 25 | 0 |"))

            let dashboard = try await browser.get("/dashboard" + query + "&place=" + f.mitrovica.uuidString.lowercased())
            #expect(dashboard.status == .ok && dashboard.text.contains("<svg") && dashboard.text.contains("Reach by level"))
            #expect(dashboard.text.contains("In Mitrovica South and the places within it."))
            #expect(try await browser.get("/dashboard").status == .ok, "this year so far, without a period")

            let wrong = try await browser.get("/reports/period?from=2023-13-01&to=2023-12-31")
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("id=\"f-from-error\""))
            let backwards = try await browser.get("/dashboard?from=2023-12-31&to=2023-01-01")
            #expect(backwards.status == .unprocessableEntity && backwards.text.contains("id=\"f-to-error\""))

            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/reports/period" + query, token: token)
            #expect(api.status == .ok && api.body.string.contains("\"namedPeople\":2"))
            let problem = try await app.api(.GET, "/api/v1/reports/period?from=2023-12-31&to=2023-01-01", token: token)
            #expect(problem.status == .unprocessableEntity && problem.headers.first(name: .contentType) == "application/problem+json")
            #expect(problem.body.string.contains("\"field\":\"to\""))
        }
    }

    /// The server keeps one index and reads the audit trail for what changed since: after each change its
    /// figures are the same as those of an index loaded from scratch.
    @Test func theLongLivedIndexFollowsEveryChangeThroughTheAuditTrail() async throws {
        try await withRoundtable { app in
            let f = try await year2023(app)
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let shared = ReachIndex()
            func both() async throws -> (PeriodFigures, PeriodFigures) {
                (try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-06-01")!, index: shared, by: .commandLine).current,
                 try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-06-01")!, by: .commandLine).current)
            }
            var (kept, fresh) = try await both()
            #expect(kept == fresh && kept.engagements == 3)

            var call = EngagementInput(kind: "call", title: "A call in June", start: "2023-06-01T10:00", timeZone: "Europe/Belgrade")
            call.participants = [ParticipantInput(personID: f.hamza)]
            let added = try await Engagements(database: app.db).create(call, by: .commandLine)
            (kept, fresh) = try await both()
            #expect(kept == fresh && kept.engagements == 4 && kept.namedPeople == 4)

            // Hamza becomes a councillor (a post), then Serb (a community); the call is deleted.
            _ = try await Positions(database: app.db).create(PositionInput(personID: f.hamza, organizationID: f.government, title: "Adviser", startsOn: "2023-01-01"),
                                                             by: .commandLine)
            (kept, fresh) = try await both()
            #expect(kept == fresh && kept.peopleByLevel["national"] == 1)
            var hamza = PersonInput(name: "Bedri Hamza")
            hamza.communityID = f.serb
            let version = try await People(database: app.db).get(f.hamza, by: .commandLine).version
            _ = try await People(database: app.db).update(f.hamza, hamza, expectedVersion: version, by: .commandLine)
            (kept, fresh) = try await both()
            #expect(kept == fresh && kept.communities.nonMajorityNamed == 2)
            let current = try await Engagements(database: app.db).get(added.id, by: .commandLine)
            try await Engagements(database: app.db).delete(added.id, expectedVersion: current.version, by: .commandLine)
            (kept, fresh) = try await both()
            #expect(kept == fresh && kept.engagements == 3)
        }
    }

    /// This year so far beside the same days of last year: each head-count, follow-up, signed agreement and
    /// recommendation counts in the period its day lies in, and one dated between the two periods in neither.
    /// (The report reads every period in one statement of each kind and splits the answer.)
    @Test func eachFigureCountsInItsOwnPeriodAndADayBetweenThemInNeither() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let engagements = Engagements(database: app.db)
            for (day, count, followUp) in [("2024-02-01", 10, FollowUpInput(text: "Call back the school", dueOn: "2024-02-10")),
                                           ("2023-02-01", 7, FollowUpInput(text: "Send the minutes", status: "done")),
                                           ("2023-06-01", 100, FollowUpInput(text: "Between the periods", status: "dropped"))] {
                var input = EngagementInput(kind: "meeting", title: "Meeting of \(day)", start: day + "T10:00", timeZone: "Europe/Belgrade")
                input.headCounts = [HeadCount(category: "residents", count: count)]
                input.followUps = [followUp]
                _ = try await engagements.create(input, by: .commandLine)
            }
            let agreements = Agreements(database: app.db)
            for (title, day, confidentiality) in [("Now", "2024-03-01", "internal"), ("Then", "2023-03-01", "internal"),
                                                  ("Between", "2023-07-01", "internal"), ("Secret", "2024-02-01", "restricted")] {
                var input = AgreementInput(kind: "partnership", title: title)
                input.signedOn = day
                input.confidentiality = confidentiality
                _ = try await agreements.create(input, by: .commandLine)
            }
            let recommendations = Recommendations(database: app.db)
            var bridge = RecommendationInput(title: "Open the bridge")
            bridge.status = "drafting"
            bridge.statusOn = "2023-02-01"
            let drafted = try await recommendations.create(bridge, by: .commandLine)
            bridge.status = "submitted"
            bridge.statusOn = "2023-09-01"
            _ = try await recommendations.update(drafted.id, bridge, expectedVersion: drafted.version, by: .commandLine)
            var idea = RecommendationInput(title: "A bus line between the villages")
            idea.statusOn = "2024-01-10"
            _ = try await recommendations.create(idea, by: .commandLine)
            var secret = RecommendationInput(title: "Protect the witnesses")
            secret.status = "submitted"
            secret.statusOn = "2023-01-05"
            secret.confidentiality = "restricted"
            _ = try await recommendations.create(secret, by: .commandLine)

            let soFar = ReportPeriod(from: Day("2024-01-01")!, to: Day("2024-03-15")!)!
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let report = try await PeriodReport.make(soFar, database: app.db, language: "en", today: Day("2024-03-15")!, by: .user(officer))
            let (now, then) = (report.current, report.previous)
            #expect(then.period.from.description == "2023-01-01" && then.period.to.description == "2023-03-15")
            #expect(now.engagements == 1 && then.engagements == 1)
            #expect(now.counted == 10 && then.counted == 7)
            #expect(now.followUps == .init(total: 1, done: 0, open: 1, overdue: 1, dropped: 0))
            #expect(then.followUps == .init(total: 1, done: 1, open: 0, overdue: 0, dropped: 0))
            #expect(now.agreementsSigned.map(\.title) == ["Now"] && then.agreementsSigned.map(\.title) == ["Then"])
            #expect(now.recommendationsByStatus == ["submitted": 1, "idea": 1] && then.recommendationsByStatus == ["drafting": 1])

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let full = try await PeriodReport.make(soFar, database: app.db, language: "en", today: Day("2024-03-15")!, by: .user(coordinator))
            #expect(full.current.agreementsSigned.map(\.title) == ["Secret", "Now"])
            #expect(full.current.recommendationsByStatus == ["submitted": 2, "idea": 1] && full.previous.recommendationsByStatus == ["drafting": 1, "submitted": 1])
        }
    }

    /// The index marks the levels a person held posts at in one byte beside "named" and "placed": every level
    /// of government, and none, has a bit of its own.
    @Test func everyLevelOfGovernmentHasAMarkOfItsOwn() {
        let marks = (0 ..< Int32(GovernanceLevel.allCases.count + 1)).map(ReachTally.levelMark)
        #expect(Set(marks).count == marks.count)
        #expect(!marks.contains(0))
        #expect(marks.allSatisfy { $0 & (ReachTally.named | ReachTally.placed) == 0 })
    }

    /// A person's first post is kept in their row and the others in a shared buffer: every post is read back,
    /// in order, after changes and after the abandoned ones are dropped.
    @Test func aPersonsPostsAreKeptWhateverTheirNumber() {
        typealias Post = ReachIndex.PersonTable.Post
        var table = ReachIndex.PersonTable()
        for _ in 0 ..< 3 { table.appendUnknown() }
        func posts(_ person: Int) -> [Int32] {
            let row = table.rows[person]
            guard row.postCount > 0 else { return [] }
            return [row.firstPost.organization] + table.posts[table.morePosts(of: row)].map(\.organization)
        }
        table.setPosts(of: 0, [Post(from: 20190101, to: 20191231, organization: 7), Post(from: 20230101, to: .max, organization: 8)])
        table.setPosts(of: 1, [Post(from: 0, to: .max, organization: 9)])
        table.setPosts(of: 2, [Post(from: 0, to: 1, organization: 1), Post(from: 0, to: 1, organization: 2), Post(from: 0, to: 1, organization: 3)])
        #expect(posts(0) == [7, 8] && posts(1) == [9] && posts(2) == [1, 2, 3])
        table.setPosts(of: 2, [Post(from: 0, to: 1, organization: 4)])
        table.setPosts(of: 0, [])
        table.compactPostsIfWasteful(after: 0)
        #expect(posts(0) == [] && posts(1) == [9] && posts(2) == [4])
        #expect(table.posts.isEmpty, "the abandoned posts were dropped")
    }

    /// The index keeps changed engagements apart from those it loaded (sorted by day) and merges the two once
    /// the changes grow many: an index that merges after every change counts the same as one that has not
    /// merged yet and as one loaded from scratch — an engagement moved to another year and back, a person merged.
    @Test func anIndexThatMergedItsChangesCountsTheSameAsOneThatHasNot() async throws {
        try await withRoundtable { app in
            let f = try await year2023(app)
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let overlaid = ReachIndex(), merging = ReachIndex(mergeAfter: 0)
            /// This year's figures, after checking that all three indexes agree on this year and the last.
            func agreed() async throws -> PeriodFigures {
                var reports: [PeriodReport] = []
                for index in [overlaid, merging, ReachIndex()] {
                    reports.append(try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-06-01")!, index: index, by: .commandLine))
                }
                #expect(reports[0] == reports[2] && reports[1] == reports[2])
                return reports[2].current
            }
            #expect(try await agreed().engagements == 3)

            let engagements = Engagements(database: app.db)
            var call = EngagementInput(kind: "call", title: "A call in June", start: "2023-06-01T10:00", timeZone: "Europe/Belgrade")
            call.participants = [ParticipantInput(personID: f.hamza)]
            let added = try await engagements.create(call, by: .commandLine)
            #expect(try await agreed().engagements == 4)
            call.start = "2022-06-01T10:00"
            _ = try await engagements.update(added.id, call, expectedVersion: 1, by: .commandLine)
            #expect(try await agreed().engagements == 3)
            call.start = "2023-07-01T10:00"
            _ = try await engagements.update(added.id, call, expectedVersion: 2, by: .commandLine)
            let named = try await agreed().namedPeople
            _ = try await Positions(database: app.db).create(PositionInput(personID: f.hamza, organizationID: f.government, title: "Adviser", startsOn: "2023-01-01"),
                                                             by: .commandLine)
            #expect(try await agreed().peopleByLevel["national"] == 1)
            _ = try await MergeRecords(database: app.db).mergePerson(f.hamza, into: f.redzepi, by: .commandLine)
            #expect(try await agreed().namedPeople == named - 1)
        }
    }

    /// A report adds the whole months it counted before (`MonthTallies`) and walks only the days around them.
    /// Kept months give what walking every day gives — a whole year, periods cut within months, both roles —
    /// and a change forgets what it touches: an engagement added to a month and moved to another, a person
    /// restricted, a post begun, an organisation's level changed.
    @Test func keptMonthsCountWhatWalkingEveryDayCounts() async throws {
        try await withRoundtable { app in
            let f = try await year2023(app)
            let index = ReachIndex()
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let periods = [year, ReportPeriod(from: Day("2023-02-15")!, to: Day("2023-12-31")!)!,
                           ReportPeriod(from: Day("2022-01-01")!, to: Day("2023-03-10")!)!]
            /// An officer's reach in 2023, after checking that kept months agree with walking every day.
            func agreed(_ step: String) async throws -> ReachIndex.Reach {
                let counting = try await index.counting(app.db)
                for period in periods {
                    for seesRestricted in [false, true] {
                        let walked = counting.reach(period, places: nil, seesRestricted: seesRestricted, keepingMonths: false)
                        let counted = counting.reach(period, places: nil, seesRestricted: seesRestricted)
                        let kept = counting.reach(period, places: nil, seesRestricted: seesRestricted)
                        #expect(counted == walked && kept == walked, "\(step): \(period.from)–\(period.to), restricted seen: \(seesRestricted)")
                    }
                }
                return counting.reach(year, places: nil, seesRestricted: false)
            }
            #expect(try await agreed("as made").namedPeople == 2, "Emilija Redžepi and Arben Krasniqi; Miloš Jovanović is restricted")

            let engagements = Engagements(database: app.db)
            var call = EngagementInput(kind: "call", title: "A call in June", start: "2023-06-01T10:00", timeZone: "Europe/Belgrade")
            call.participants = [ParticipantInput(personID: f.hamza)]
            let added = try await engagements.create(call, by: .commandLine)
            #expect(try await agreed("a call added in June").byMonth["2023-06"] == 1)
            call.start = "2023-07-01T10:00"
            _ = try await engagements.update(added.id, call, expectedVersion: 1, by: .commandLine)
            let moved = try await agreed("the call moved to July")
            #expect(moved.byMonth["2023-06"] == nil && moved.byMonth["2023-07"] == 1 && moved.namedPeople == 3)

            let emilija = try await People(database: app.db).get(f.redzepi, by: .commandLine)
            var restricted = PersonInput(name: emilija.name)
            restricted.sensitivity = "restricted"
            _ = try await People(database: app.db).update(f.redzepi, restricted, expectedVersion: emilija.version, by: .commandLine)
            #expect(try await agreed("Emilija Redžepi restricted").namedPeople == 2)

            _ = try await Positions(database: app.db).create(PositionInput(personID: f.hamza, organizationID: f.government, title: "Adviser", startsOn: "2023-01-01"),
                                                             by: .commandLine)
            #expect(try await agreed("a post begun").peopleByLevel["national"] == 1)

            var government = OrganizationInput(try await Organizations(database: app.db).get(f.government, by: .commandLine))
            government.level = "municipal"
            _ = try await Organizations(database: app.db).update(f.government, government, expectedVersion: 1, by: .commandLine)
            #expect(try await agreed("the government's level changed").peopleByLevel["national"] == nil)
        }
    }

    /// Kept months' marks are OR-ed a block at a time, eight bytes at a time and the rest one by one, over the
    /// length each month has (one kept from a newer view may be longer, one from an older shorter).
    @Test func marksAreCombinedEightAtATimeAndTheRestOneByOne() {
        var marks = (0 ..< 40_021).map { UInt8($0 % 3) }
        let shorter: [UInt8] = (0 ..< 40_019).map { UInt8(($0 % 5) << 2) }
        let longer: [UInt8] = (0 ..< 41_000).map { UInt8(($0 % 7) << 5) }
        let months = [shorter, longer, [UInt8](repeating: 2, count: 5)]
        var expected = marks
        for month in months {
            for i in expected.indices where i < month.count { expected[i] |= month[i] }
        }
        ReachTally.or(months, into: &marks)
        #expect(marks == expected)
        var reached = [false, true, false, false, false, false, false, false, false, true]
        ReachTally.or([[true, false, false, false, false, false, false, false, true]], into: &reached)
        #expect(reached == [true, true, false, false, false, false, false, false, true, true])
    }
}
