import Domain
@testable import Features
import Foundation
@testable import Storage
import Testing
import VaporTesting
@testable import Web

/// Issue 18's check "Disaggregated counts: form, API, period report, dashboard and CSV agree": an open forum
/// logged on the web form with its residents by gender, age band and community, a workshop logged through
/// the API, and the figures read back from the form, the API, the period report (page, CSV, JSON) and the
/// dashboard. Editing on the web keeps what the API recorded; an officer never counts a restricted engagement.
@Suite("Head-counts by gender, age band and community, from the form to the reports")
struct HeadCountTests {
    struct Setup {
        var f: RegistryFixture
        var albanian: UUID
        var officer: UserSummary
        var browser: Browser
        var token: String
    }

    func setUp(_ app: Application) async throws -> Setup {
        let f = try await RegistryFixture.make(app)
        let albanian = try await Communities(database: app.db).create(CommunityInput(name: "Albanian", status: "majority", regionID: f.pristina), by: .commandLine)
        var emilija = try await People(database: app.db).get(f.redzepi, by: .commandLine)
        var input = PersonInput(name: emilija.name)
        input.otherNames = emilija.otherNames
        input.placeID = f.pristina
        input.gender = "woman"
        emilija = try await People(database: app.db).update(f.redzepi, input, expectedVersion: emilija.version, by: .commandLine)
        let officer = try await app.addUser("arta@ico.example", role: .officer)
        let browser = Browser(app)
        try await browser.signIn(officer.email)
        return Setup(f: f, albanian: albanian.id, officer: officer, browser: browser,
                     token: try await app.token(for: officer.email))
    }

    static func id(_ uuid: UUID) -> String { uuid.uuidString.lowercased() }

    /// The forum as the form posts it: two lines filled in, and the two blank lines every form offers.
    func forumForm(_ s: Setup, women: String = "22") -> [String: String] {
        [
            "kind": "open_forum", "title": "Open forum in Mitrovica", "start": "2023-08-08T17:00", "timeZone": "Europe/Belgrade",
            "placeID": Self.id(s.f.mitrovica), "participants": "Emilija Redzepi\nМилош Јовановић", "confidentiality": "internal",
            "headCounts[0][category]": "residents from both sides of the river", "headCounts[0][count]": "40", "headCounts[0][atLeast]": "1",
            "headCounts[0][gender][woman]": women, "headCounts[0][gender][man]": "15", "headCounts[0][gender][other]": "",
            "headCounts[0][age][under_18]": "6", "headCounts[0][age][25_59]": "20", "headCounts[0][age][60_over]": "9",
            "headCounts[0][community][0][id]": Self.id(s.f.serb), "headCounts[0][community][0][count]": "18",
            "headCounts[0][community][1][id]": Self.id(s.albanian), "headCounts[0][community][1][count]": "12",
            "headCounts[1][category]": "NGOs", "headCounts[1][count]": "18",
            "headCounts[2][category]": "", "headCounts[2][count]": "", "headCounts[2][community][0][id]": "",
            "headCounts[3][category]": "", "headCounts[3][count]": "",
        ]
    }

    @Test func theFormTheAPIThePeriodReportTheDashboardAndTheCSVAgree() async throws {
        try await withRoundtable { app in
            let s = try await setUp(app)
            // A mistake shows at its line, with everything typed kept; the officer may not name Miloš (restricted).
            var wrong = forumForm(s, women: "30")
            wrong["participants"] = "Emilija Redzepi"
            wrong["headCounts[1][count]"] = ""
            let refused = try await s.browser.post("/engagements", form: wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("id=\"f-headCounts-0-byGender-error\"") && refused.text.contains("These add up to 45, more than the number counted (40)."))
            #expect(refused.text.contains("id=\"f-headCounts-1-count-error\"") && refused.text.contains("Write how many people were counted."))
            #expect(refused.text.contains("href=\"#f-headCounts-0-byGender\""), "the summary links to the line's group")
            #expect(refused.text.contains("name=\"headCounts[0][gender][woman]\" value=\"30\""), "what was typed stays")
            #expect(refused.text.contains("name=\"headCounts[1][category]\" value=\"NGOs\""))

            var form = forumForm(s)
            form["participants"] = "Emilija Redzepi"
            let saved = try await s.browser.post("/engagements", form: form)
            #expect(saved.status == .seeOther)
            let forumID = try #require(saved.location.flatMap { UUID(uuidString: String($0.split(separator: "/").last ?? "")) })
            let shown = try await s.browser.get("/engagements/\(Self.id(forumID))")
            #expect(shown.text.contains("residents from both sides of the river: 40+<span class=\"post\"> (Women 22, Men 15; Under 18 6, 25–59 20, 60 and over 9; Albanian 12, Serb 18)</span>"))
            // A restricted participant, added by a coordinator: the officer's figures leave him out.
            let forum = try await Engagements(database: app.db).get(forumID, by: .commandLine)
            var withHidden = EngagementsAPIController.Body().input(over: forum)
            withHidden.participants.append(ParticipantInput(personID: s.f.hidden))
            _ = try await Engagements(database: app.db).update(forumID, withHidden, expectedVersion: forum.version, by: .commandLine)

            // The workshop through the API: a community by name (as scripts sent before) and one by identity.
            let created = try await app.api(.POST, "/api/v1/engagements", token: s.token, json: """
                {"kind":"workshop","title":"Councillors' workshop","start":"2023-09-10T10:00","timeZone":"Europe/Belgrade",
                 "participants":[{"personID":"\(s.f.hamza.uuidString)"}],
                 "headCounts":[{"category":"councillors","count":12,"byGender":{"woman":5,"man":6,"not_recorded":1},"byAge":{"25_59":10},
                                "byCommunity":{"\(s.f.serb.uuidString)":7,"albanian":5}}]}
                """)
            #expect(created.status == .created)
            let workshopID = try JSONDecoder().decode(IDOnly.self, from: Data(created.body.readableBytesView)).id
            // A restricted meeting of a hundred, by a coordinator: in no figure of the officer's.
            var closed = EngagementInput(kind: "meeting", title: "Closed meeting", start: "2023-10-01T10:00", timeZone: "Europe/Belgrade")
            closed.confidentiality = "restricted"
            closed.headCounts = [HeadCount(category: "women's group", count: 100, byGender: ["woman": 100], byAge: ["18_24": 100])]
            _ = try await Engagements(database: app.db).create(closed, by: .commandLine)

            // The API reads back what the form and the API wrote, communities by identity.
            let forumJSON = try await app.api(.GET, "/api/v1/engagements/\(forumID.uuidString)", token: s.token)
            let forumCounts = try JSONDecoder().decode(Counts.self, from: Data(forumJSON.body.readableBytesView)).headCounts
            #expect(forumCounts == [
                HeadCount(category: "residents from both sides of the river", count: 40, atLeast: true, byGender: ["woman": 22, "man": 15],
                          byAge: ["under_18": 6, "25_59": 20, "60_over": 9], byCommunity: [Self.id(s.f.serb): 18, Self.id(s.albanian): 12]),
                HeadCount(category: "NGOs", count: 18),
            ])
            let workshopJSON = try await app.api(.GET, "/api/v1/engagements/\(workshopID.uuidString)", token: s.token)
            let workshopCounts = try JSONDecoder().decode(Counts.self, from: Data(workshopJSON.body.readableBytesView)).headCounts
            #expect(workshopCounts.first?.byCommunity == [Self.id(s.f.serb): 7, Self.id(s.albanian): 5])
            #expect(workshopCounts.first?.byGender == ["woman": 5, "man": 6, "not_recorded": 1])

            // The form shows the workshop's breakdowns; saved again as it is, nothing of them changes.
            let editPath = "/engagements/\(Self.id(workshopID))"
            let edit = try await s.browser.get(editPath + "/edit")
            #expect(edit.status == .ok)
            var fields = FormFields.read(edit.text, action: editPath)
            #expect(fields["headCounts[0][gender][not_recorded]"] == "1" && fields["headCounts[0][age][25_59]"] == "10")
            #expect(Set([fields["headCounts[0][community][0][id]"], fields["headCounts[0][community][1][id]"]]) == [Self.id(s.f.serb), Self.id(s.albanian)])
            #expect(fields["headCounts[1][category]"] == "" && fields["headCounts[2][count]"] == "", "two blank lines for more")
            fields["title"] = "Councillors' workshop on budgets"
            let resaved = try await s.browser.post(editPath, form: fields)
            #expect(resaved.status == .seeOther)
            let after = try await app.api(.GET, "/api/v1/engagements/\(workshopID.uuidString)", token: s.token)
            #expect(try JSONDecoder().decode(Counts.self, from: Data(after.body.readableBytesView)).headCounts == workshopCounts)
            #expect(after.body.string.contains("Councillors' workshop on budgets"))

            // The period report: named people each once by their recorded gender, counted people by the
            // breakdowns with the rest not recorded; every breakdown adds up to its total.
            let year = ReportPeriod.year(of: Day("2023-06-01")!)
            let report = try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-01-15")!,
                                                     by: .user(s.officer))
            let now = report.current
            #expect(now.namedPeople == 2 && now.counted == 70 && now.countedAtLeast)
            #expect(now.byGender.named == ["woman": 1, "not_recorded": 1])
            #expect(now.byAge.named == ["not_recorded": 2])
            #expect(now.byGender.counted == ["woman": 27, "man": 21, "not_recorded": 22])
            #expect(now.byAge.counted == ["under_18": 6, "25_59": 30, "60_over": 9, "not_recorded": 25])
            #expect(now.communities.counted == ["Serb": 25, "Albanian": 17, "": 28])
            #expect(now.communities.nonMajorityCounted == 25 && now.communities.knownCounted == 42)

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let full = try await PeriodReport.make(year, database: app.db, language: "en", today: Day("2024-01-15")!, by: .user(coordinator)).current
            #expect(full.counted == 170 && full.byGender.counted["woman"] == 127 && full.byGender.named == ["woman": 1, "not_recorded": 2])

            // The same figures on the page, in the CSV, in the API's JSON and on the dashboard.
            let query = "?from=2023-01-01&to=2023-12-31"
            let page = try await s.browser.get("/reports/period" + query)
            #expect(page.text.contains("<caption>Head-counts by gender</caption>") && page.text.contains("<caption>Head-counts by age</caption>"))
            #expect(page.text.contains("What “people reached” counts: each named participant once"))
            let csv = try await s.browser.get("/reports/period.csv" + query).body.string.components(separatedBy: "\r\n")
            for line in ["People reached,Counted in head-counts,70+,0", "Named participants by gender,Women,1,0",
                         "Named participants by gender,Gender not recorded,1,0", "Head-counts by gender,Women,27,0",
                         "Head-counts by gender,Men,21,0", "Head-counts by gender,Other,0,0", "Head-counts by gender,Gender not recorded,22,0",
                         "Named participants by age,Age not recorded,2,0", "Head-counts by age,Under 18,6,0", "Head-counts by age,25–59,30,0",
                         "Head-counts by age,60 and over,9,0", "Head-counts by age,Age not recorded,25,0",
                         "Head-counts by community,Serb,25,0", "Head-counts by community,Community not recorded,28,0"] {
                #expect(csv.contains(line), "\(line)")
            }
            let api = try await app.api(.GET, "/api/v1/reports/period" + query, token: s.token)
            let json = try JSONDecoder().decode(PeriodReport.self, from: Data(api.body.readableBytesView))
            #expect(json.current.byGender == now.byGender && json.current.byAge == now.byAge && json.current.communities == now.communities)
            let dashboard = try await s.browser.get("/dashboard" + query).text
            #expect(dashboard.contains("<caption>Reach by gender</caption>") && dashboard.contains("<caption>Reach by age</caption>"))
            #expect(dashboard.contains("<th scope=\"row\">Women</th><td class=\"num\">28</td>"), "27 counted and one named")
            #expect(dashboard.contains("<th scope=\"row\">Age not recorded</th><td class=\"num\">27</td>"), "25 counted and two named")
            #expect(dashboard.contains("What “people reached” counts"))
        }
    }

    @Test func theAPIRefusesUnknownKeysAndPointsAtTheLine() async throws {
        try await withRoundtable { app in
            let s = try await setUp(app)
            let refused = try await app.api(.POST, "/api/v1/engagements", token: s.token, json: """
                {"kind":"meeting","title":"x","start":"2023-09-10T10:00","timeZone":"UTC",
                 "headCounts":[{"category":"NGOs","count":3},{"category":"leaders","count":5,"byGender":{"women":3},"byAge":{"18_24":6},
                                "byCommunity":{"Martians":1}}]}
                """)
            #expect(refused.status == .unprocessableEntity && refused.headers.first(name: .contentType) == "application/problem+json")
            let problem = try JSONDecoder().decode(Problem.self, from: Data(refused.body.readableBytesView))
            #expect(problem.errors.map(\.pointer) == ["#/headCounts/1/byGender", "#/headCounts/1/byAge"],
                    "the rules without the database first; the community once those pass")
            #expect(problem.errors.map(\.code) == ["headCount.unknownKey", "headCount.breakdownOver"])
            #expect(problem.errors[0].message == "“women” cannot be used here; use one of: woman, man, other, not_recorded.")
            let unknown = try await app.api(.POST, "/api/v1/engagements", token: s.token, json: """
                {"kind":"meeting","title":"x","start":"2023-09-10T10:00","timeZone":"UTC","headCounts":[{"category":"leaders","count":5,"byCommunity":{"Martians":1}}]}
                """)
            let second = try JSONDecoder().decode(Problem.self, from: Data(unknown.body.readableBytesView))
            #expect(unknown.status == .unprocessableEntity && second.errors.map(\.pointer) == ["#/headCounts/0/byCommunity"])
            #expect(second.errors.first?.message == "“Martians” is not a community in the registry.")
        }
    }

    /// A change to a breakdown alone is a change: saved, in the history, never rolled back as "nothing changed".
    @Test func aChangeToABreakdownAloneIsSavedAndInTheHistory() async throws {
        try await withRoundtable { app in
            let s = try await setUp(app)
            var input = EngagementInput(kind: "meeting", title: "Residents' meeting", start: "2023-09-10T10:00", timeZone: "UTC")
            input.headCounts = [HeadCount(category: "residents", count: 10, byGender: ["woman": 4])]
            let created = try await Engagements(database: app.db).create(input, by: .commandLine)
            let path = "/api/v1/engagements/\(created.id.uuidString)"
            let changed = try await app.api(.PATCH, path, token: s.token, json: """
                {"headCounts":[{"category":"residents","count":10,"byGender":{"woman":6},"byCommunity":{"\(s.f.serb.uuidString)":2}}]}
                """, headers: ["If-Match": "\"1\""])
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) == "\"2\"")
            let history = try await s.browser.get("/engagements/\(Self.id(created.id))/history")
            #expect(history.text.contains("Head-counts by gender, age and community"))
            #expect(history.text.contains("residents (Women 6 / Serb 2)"), "words from the catalogue, the community by name")
        }
    }

    /// Breakdowns saved before the fixed keys are brought to them by M0034, so they can be saved again unchanged.
    @Test func olderBreakdownsAreBroughtToTheFixedKeys() {
        #expect(M0034_HeadCountAges.genders(["Women": 3, "female": 2, "men": 4, "other": 1, "unknown": 2, "x": 1])
                == ["woman": 5, "man": 4, "other": 1, "not_recorded": 3], "every count kept, what is not a gender as not recorded")
        let serb = "5B0C2A3E-8F4D-4C1A-9D62-0E7F3A1B2C4D"
        let named = ["serb": [serb.lowercased()], "roma": ["a", "b"]]
        #expect(M0034_HeadCountAges.communities(["Serb": 2, serb: 3, "Roma": 1, "Martians": 4], named: named)
                == [serb.lowercased(): 5, "Roma": 1, "Martians": 4], "a name that matches none or several stays as typed")
    }

    struct IDOnly: Decodable { var id: UUID }
    struct Counts: Decodable { var headCounts: [HeadCount] }
    struct Problem: Decodable {
        struct Issue: Decodable { var field: String; var message: String; var code: String; var pointer: String? }
        var errors: [Issue]
    }
}
