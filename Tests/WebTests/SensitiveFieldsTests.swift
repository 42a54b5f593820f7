import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web
import ZIPFoundation

/// Community, contacts and notes are special: an administrator marks which personal fields are sensitive,
/// and a viewer — a partner organisation's reader, a donor's monitor — never sees them on anyone, by any
/// path, while officers keep working with them.
@Suite("Sensitive fields: seen only by those who may, on every path")
struct SensitiveFieldsTests {
    /// Values found nowhere else in the record, so that finding one in an answer means it leaked.
    enum Marker {
        static let community = "Zqtorbesh", place = "Zqvillage", language = "rom-Zqlangua"
        static let email = "drita.zqmail@example.org", phone = "+383 44 909 717", notes = "Zqnote her brother was detained"
        static let earlierPhone = "+383 44 100 200", earlierNotes = "Zqearlier"
    }

    static let name = "Drita Berisha"

    struct Seeded {
        var person: UUID
        var community: UUID
        var place: UUID
        var engagement: UUID
        var fixture: RegistryFixture
    }

    /// Drita lives in a village of her own community, speaks a language no one else does, took part in a
    /// forum and was quoted there, holds a post, and her phone and notes were changed once (so her history
    /// holds earlier values too). Every personal field is marked sensitive.
    static func seed(_ app: Application, sensitive: SensitiveFields = SensitiveFields(Set(PersonalField.allCases))) async throws -> Seeded {
        let f = try await RegistryFixture.make(app)
        let community = try await Communities(database: app.db).create(CommunityInput(name: Marker.community, status: "non_majority"), by: .commandLine)
        let place = try await Places(database: app.db).create(PlaceInput(kind: "municipality", names: ["en": Marker.place]), by: .commandLine)
        var input = PersonInput(name: name)
        input.gender = "woman"
        input.communityID = community.id
        input.placeID = place.id
        input.languages = [Marker.language]
        input.emails = [Marker.email]
        input.phones = [Marker.earlierPhone]
        input.notes = Marker.earlierNotes
        let people = People(database: app.db)
        let person = try await people.create(input, by: .commandLine)
        input.phones = [Marker.phone]
        input.notes = Marker.notes
        _ = try await people.update(person.id, input, expectedVersion: 1, by: .commandLine)
        _ = try await Positions(database: app.db).create(PositionInput(personID: person.id, organizationID: f.dpmOffice, title: "Youth adviser",
                                                                       startsOn: "2022-01-01"), by: .commandLine)
        // Ten days ago, so that the calendar feed (a window around today) and this year's reports hold it.
        let day = Day(utc: Date().addingTimeInterval(-10 * 86_400))
        var forum = EngagementInput(kind: "open_forum", title: "Forum at the bridge", start: "\(day)T18:00", timeZone: "Europe/Belgrade")
        forum.participants = [ParticipantInput(personID: person.id, part: "speaker"), ParticipantInput(personID: f.hamza)]
        forum.placeID = f.mitrovica
        let engagement = try await Engagements(database: app.db).create(forum, by: .commandLine)
        _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: person.id, speakerLabel: nil, text: "Open the bridge to cars.",
                                                              language: "en", withheld: false), to: engagement.id, by: .commandLine)
        try await SiteSettings(database: app.db).setSensitiveFields(sensitive, by: .commandLine)
        return Seeded(person: person.id, community: community.id, place: place.id, engagement: engagement.id, fixture: f)
    }

    /// Every GET route of the site and the API, its parameters filled with the seeded records' identities
    /// by the kind its path names (an unknown kind gets an identity that finds nothing).
    static func paths(_ app: Application, _ seeded: Seeded) -> [String] {
        let ids: [String: UUID] = [
            "people": seeded.person, "communities": seeded.community, "places": seeded.place, "engagements": seeded.engagement,
            "organizations": seeded.fixture.dpmOffice,
        ]
        return app.routes.all.filter { $0.method == .GET }.map { route in
            let words = route.path.compactMap { component -> String? in
                if case .constant(let word) = component { return word } else { return nil }
            }.filter { $0 != "api" && $0 != "v1" }
            let kind = words.first ?? ""
            var first = true
            return "/" + route.path.map { component -> String in
                guard case .parameter = component else { return component.description }
                defer { first = false }
                return (first ? ids[kind] : nil)?.uuidString.lowercased() ?? UUID().uuidString.lowercased()
            }.joined(separator: "/")
        }
    }

    /// The answer's text; a zip's files, unpacked, each on its own (a list of communities in one file and
    /// the people in another tell nothing together).
    static func documents(of response: TestingHTTPResponse) throws -> [String] {
        let data = Data(response.body.readableBytesView)
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return [response.body.string] }
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String] = []
        for entry in archive {
            var file = Data()
            _ = try archive.extract(entry) { file.append($0) }
            files.append(String(decoding: file, as: UTF8.self))
        }
        return files
    }

    /// The generated matrix: a viewer and an officer walk every GET route. Nothing the viewer reads holds a
    /// sensitive value (the community's and place's names only where they are those records' own pages and
    /// lists, or a count of people in a report); and nothing that lists the people of a place or community
    /// names Drita. The officer's walk finds each value, so the walk reaches where the values are.
    @Test func aViewerReadsNoSensitiveValueOnAnyPathAndAnOfficerReadsThemAll() async throws {
        try await withRoundtable { app in
            let seeded = try await Self.seed(app)
            let viewer = try await app.token(for: app.addUser("donor@ico.example", role: .viewer).email)
            let officer = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            let paths = Self.paths(app, seeded)
            #expect(paths.count > 100)
            let everywhere = [Marker.email, Marker.phone, Marker.notes, Marker.earlierPhone, Marker.earlierNotes, Marker.language,
                              "zqnote", "Zqnote", "909 717"]
            // Names of records of their own, shown in their lists and pickers: a leak only beside her. Reports
            // count people by community (counts stay, as the rule says), and may name her as a participant.
            let named = [Marker.community, Marker.place]
            func ownPages(_ path: String) -> Bool {
                ["/reports", "/api/v1/reports", "/dashboard"].contains { path.hasPrefix($0) }
            }
            var officerSaw = Set<String>()
            var checked = 0
            for path in paths {
              checked += 1
              for seen in try Self.documents(of: try await app.api(.GET, path, token: viewer)) {
                for marker in everywhere { #expect(!seen.contains(marker), "viewer: \(path) shows \(marker)") }
                // Her community's and place's names beside her name (or her record's identity) tell them.
                let aboutHer = seen.contains(Self.name) || seen.localizedCaseInsensitiveContains(seeded.person.uuidString)
                if aboutHer, !ownPages(path) {
                    for marker in named { #expect(!seen.contains(marker), "viewer: \(path) shows \(marker) beside her") }
                }
                // The community's and the place's own pages do not list who is in them.
                if path.contains(seeded.community.uuidString.lowercased()) || path.contains(seeded.place.uuidString.lowercased()) {
                    #expect(!seen.contains(Self.name), "viewer: \(path) lists \(Self.name)")
                }
              }
              for officerText in try Self.documents(of: try await app.api(.GET, path, token: officer)) {
                for marker in everywhere + named where officerText.contains(marker) { officerSaw.insert(marker) }
              }
            }
            #expect(checked == paths.count)
            // Her calendar feed (a secret address, fetched with no session) too.
            let feed = try await app.api(.POST, "/api/v1/me/calendar-feed", token: viewer)
            let url = try #require(try JSONSerialization.jsonObject(with: Data(feed.body.readableBytesView)) as? [String: Any])["url"] as? String
            let calendar = try await app.testing().sendRequest(.GET, try #require(url.flatMap { URL(string: $0)?.path })).body.string
            #expect(calendar.contains("Forum at the bridge"))
            for marker in everywhere + named { #expect(!calendar.contains(marker), "viewer's calendar feed shows \(marker)") }
            #expect(officerSaw.isSuperset(of: [Marker.email, Marker.phone, Marker.notes, Marker.language, Marker.community, Marker.place]),
                    "the officer's walk missed \(Set(everywhere + named).subtracting(officerSaw))")
        }
    }

    /// The grouping and counting paths: filtering people by a hidden field is refused in the API (it would
    /// say who is in the community, and how many), ignored on the page that does not offer it, and search
    /// does not find Drita by a word of her notes — not in the results, their count or a snippet.
    @Test func aViewerCannotFilterCountOrSearchByAHiddenField() async throws {
        try await withRoundtable { app in
            let seeded = try await Self.seed(app)
            let viewer = try await app.token(for: app.addUser("donor@ico.example", role: .viewer).email)
            let officer = try await app.token(for: app.addUser("arta@ico.example", role: .officer).email)
            let community = seeded.community.uuidString.lowercased(), place = seeded.place.uuidString.lowercased()

            let refused = try await app.api(.GET, "/api/v1/people?community=\(community)", token: viewer)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("\"community\""))
            #expect(try await app.api(.GET, "/api/v1/people?place=\(place)", token: viewer).status == .unprocessableEntity)
            let officerList = try await app.api(.GET, "/api/v1/people?community=\(community)", token: officer)
            #expect(officerList.status == .ok)
            #expect(officerList.body.string.contains(Self.name))

            let all = try await app.api(.GET, "/people", token: viewer).body.string
            let filtered = try await app.api(.GET, "/people?community=\(community)", token: viewer).body.string
            #expect(!all.contains("name=\"community\""), "the page offers no community filter")
            #expect(filtered.contains("Bedri Hamza"), "the filter in the address is left out, not applied")

            let search = try await app.api(.GET, "/api/v1/search?q=zqnote", token: viewer)
            #expect(search.status == .ok)
            let her = seeded.person.uuidString
            #expect(!search.body.string.localizedCaseInsensitiveContains(her))
            #expect(search.body.string.contains("\"groups\":[]"))
            let officerSearch = try await app.api(.GET, "/api/v1/search?q=zqnote", token: officer).body.string
            #expect(officerSearch.localizedCaseInsensitiveContains(her))
            // Two words, one from her name and one from her notes, find her only for the officer.
            #expect(!(try await app.api(.GET, "/api/v1/search?q=drita%20brother", token: viewer).body.string.localizedCaseInsensitiveContains(her)))
            #expect(try await app.api(.GET, "/api/v1/search?q=drita%20brother", token: officer).body.string.localizedCaseInsensitiveContains(her))
            // By her name she is found, without her notes as the snippet.
            let byName = try await app.api(.GET, "/search?q=drita", token: viewer).body.string
            #expect(byName.contains("Drita"))
            #expect(!byName.contains("brother"))
        }
    }

    /// What a viewer reads on her page and in the API: the fields are there, marked as not shown; her
    /// history says her phone and notes changed, never from what to what; gender (which no marker can
    /// stand for) is absent from the API's answer.
    @Test func aViewerSeesThatFieldsAreHiddenNotThatTheyAreEmpty() async throws {
        try await withRoundtable { app in
            let seeded = try await Self.seed(app)
            let viewer = try await app.token(for: app.addUser("donor@ico.example", role: .viewer).email)
            let id = seeded.person.uuidString.lowercased()
            let page = try await app.api(.GET, "/people/\(id)", token: viewer).body.string
            #expect(page.contains("Not shown to your role"))
            #expect(!page.contains(">Woman<"))
            let json = try JSONSerialization.jsonObject(with: Data(try await app.api(.GET, "/api/v1/people/\(id)", token: viewer).body.readableBytesView)) as? [String: Any]
            #expect(json?["gender"] == nil)
            #expect(json?["community"] == nil)
            #expect((json?["hiddenFields"] as? [String]) == PersonalField.allCases.map(\.rawValue))
            let history = try await app.api(.GET, "/api/v1/people/\(id)/history", token: viewer).body.string
            #expect(history.contains("phones"))
            #expect(history.contains("•••"))
            #expect(!history.contains("woman"))
        }
    }

    /// The administrator's choice: by default community, contacts and notes; unticking notes shows them to
    /// viewers again (and search finds them), and each change is audited.
    @Test func anAdministratorChoosesTheSensitiveFieldsAndTheChoiceIsAudited() async throws {
        try await withRoundtable { app in
            #expect(try await SiteSettings(database: app.db).sensitiveFields() == .defaults)
            let seeded = try await Self.seed(app, sensitive: .defaults)
            let admin = try await app.addUser("admin@ico.example", role: .admin)
            let viewer = try await app.token(for: app.addUser("donor@ico.example", role: .viewer).email)
            let id = seeded.person.uuidString.lowercased()
            var page = try await app.api(.GET, "/people/\(id)", token: viewer).body.string
            #expect(page.contains(Marker.place), "place is not sensitive by default")
            #expect(!page.contains(Marker.notes))

            let browser = Browser(app)
            try await browser.signIn(admin.email)
            let form = try await browser.get("/settings")
            #expect(form.text.contains("Sensitive personal fields"))
            #expect(form.text.contains("name=\"sensitive_notes\" value=\"1\" checked"))
            let saved = try await browser.post("/settings", form: [
                "defaultLanguage": "", "smallNumberThreshold": "5", "sensitiveFieldsShown": "1",
                "sensitive_community": "1", "sensitive_contacts": "1",
            ])
            #expect(saved.status == .seeOther)
            #expect(try await SiteSettings(database: app.db).sensitiveFields() == SensitiveFields([.community, .contacts]))
            page = try await app.api(.GET, "/people/\(id)", token: viewer).body.string
            #expect(page.contains(Marker.notes))
            #expect(try await app.api(.GET, "/api/v1/search?q=zqnote", token: viewer).body.string.localizedCaseInsensitiveContains(seeded.person.uuidString))
            let audited = try await app.auditEntries(action: .update).filter { $0.recordType == "settings" }
            #expect(audited.contains { $0.changes == [FieldChange(field: "sensitiveFields", from: "community,contacts,notes", to: "community,contacts")] })

            // A form without the boxes (an older page) leaves the choice as it is.
            _ = try await browser.post("/settings", form: ["defaultLanguage": "", "smallNumberThreshold": "5"])
            #expect(try await SiteSettings(database: app.db).sensitiveFields() == SensitiveFields([.community, .contacts]))
        }
    }

    /// Whoever may change a person's record sees all of it, so that no edit starts from a record with
    /// fields left out and writes them back empty (a lost write).
    @Test func everyRoleThatWritesReadsSensitiveFields() {
        for role in Role.allCases where role.can(.writeRecords) { #expect(role.can(.readSensitiveFields), "\(role)") }
        #expect(!Role.viewer.can(.readSensitiveFields))
    }
}
