import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Engagements: logging a meeting, who took part, follow-ups, restricted engagements")
struct EngagementTests {
    /// Scenario 1: the meeting with the mayor of Mitrovica South on 8 August, logged from a phone.
    @Test func aFieldOfficerLogsTheMeetingWithTheMayor() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            _ = try await Positions(database: app.db).create(PositionInput(personID: f.hamza, organizationID: f.government, title: "Mayor of Mitrovica South",
                                                                           startsOn: "2021-12-20"), by: .commandLine)
            let officer = try await app.addUser("arta@ico.example", role: .officer, name: "Arta Krasniqi")
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let form = try await browser.get("/engagements/new")
            #expect(form.status == .ok && form.text.contains("name=\"participants\""))
            let saved = try await browser.post("/engagements", form: [
                "kind": "meeting", "title": "Meeting with the Mayor of Mitrovica South", "start": "2023-08-08T10:00", "timeZone": "Europe/Belgrade",
                "placeID": f.mitrovica.uuidString.lowercased(),
                "participants": "бедри хамза, host\nEmilija Redzepi\n",
                "outcomes": "The mayor supports the community forum.",
                "followUp": "Send the meeting summary to the mayor's office", "followUpOwner": officer.id.uuidString.lowercased(), "followUpDue": "2023-08-15",
                "confidentiality": "internal",
            ])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(try #require(saved.location))
            #expect(page.text.contains("Meeting with the Mayor of Mitrovica South"))
            #expect(page.text.contains("8 Aug 2023 at 10:00 (Europe/Belgrade)"))
            #expect(page.text.contains("Bedri Hamza</a> — Host"))
            #expect(page.text.contains("Mayor of Mitrovica South · Government of Kosovo"), "the title held on the day")
            #expect(page.text.contains("Deputy Prime Minister for Minority Issues and Human Rights"))
            #expect(page.text.contains("The mayor supports the community forum."))
            let mine = try await browser.get("/follow-ups")
            #expect(mine.text.contains("Send the meeting summary to the mayor&#39;s office") || mine.text.contains("Send the meeting summary to the mayor's office"))
            #expect(mine.text.contains("Overdue"))
            let person = try await browser.get("/people/\(f.hamza.uuidString.lowercased())")
            #expect(person.text.contains("Meeting with the Mayor of Mitrovica South"))
            #expect(person.text.contains("Last contact: 8 August 2023"))
            let engagement = try #require(try await Engagements(database: app.db).list(.init(), by: .commandLine).items.first)
            #expect(engagement.startsAt == Date(timeIntervalSince1970: 1_691_481_600), "10:00 in Mitrovica is 08:00 UTC in August")
            let history = try await AuditLog(database: app.db).history(of: engagement.id)
            #expect(history.first?.action == "create")
        }
    }

    @Test func namesThatAreNotFoundOrAmbiguousShowAtTheFieldAndWhatWasTypedStays() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            _ = try await People(database: app.db).create(PersonInput(name: "Bedri Hamiti"), by: .commandLine)
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let bad = try await browser.post("/engagements", form: [
                "kind": "meeting", "title": "", "start": "8 August", "timeZone": "Europe/Belgrade",
                "participants": "Bedri\nNobody Atall\nEmilija Redžepi, chair",
            ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"f-participants-error\""))
            #expect(bad.text.contains("could be Bedri Hamiti, Bedri Hamza") || bad.text.contains("could be Bedri Hamza, Bedri Hamiti"))
            #expect(bad.text.contains("No one in the registry is called “Nobody Atall”"))
            #expect(bad.text.contains("“chair” is not a part"))
            #expect(bad.text.contains("id=\"f-title-error\"") && bad.text.contains("id=\"f-start-error\""))
            #expect(bad.text.contains("Nobody Atall"), "what was typed stays in the form")
            #expect(try await Engagements(database: app.db).list(.init(), by: .commandLine).items.isEmpty)
        }
    }

    @Test func aMistakeInAQuoteFollowUpOrPhotoShowsAtItsFieldWithWhatWasTyped() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let engagement = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Meeting with the Mayor", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let path = "/engagements/\(engagement.id.uuidString.lowercased())"
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let quote = try await browser.post(path + "/quotes", form: ["text": "We will host the next forum.", "speaker": "Nobody Atall", "language": "xx-!!"])
            #expect(quote.status == .unprocessableEntity)
            #expect(quote.text.contains("id=\"q-speaker-error\"") && quote.text.contains("No one in the registry is called “Nobody Atall”"))
            #expect(quote.text.contains("We will host the next forum."), "the quote typed on a phone is not lost")
            #expect(quote.text.contains("action=\"\(path)/quotes#quotes\""), "the page opens at the form")

            let followUp = try await browser.post(path + "/follow-ups", form: ["text": "", "dueOn": "next week"])
            #expect(followUp.status == .unprocessableEntity)
            #expect(followUp.text.contains("id=\"fu-text-error\"") && followUp.text.contains("id=\"fu-dueOn-error\""))
            #expect(followUp.text.contains("value=\"next week\""))
            #expect(!followUp.text.contains("id=\"q-speaker-error\""), "only the form that was sent shows mistakes")

            let boundary = "----roundtable-test"
            let body = [("_csrf", browser.csrf ?? ""), ("caption", "The Mayor's office"), ("peopleShown", "Nobody Atall")]
                .map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined()
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\nContent-Type: image/jpeg\r\n\r\nnot a picture\r\n--\(boundary)--\r\n"
            let photo = try await browser.send(.POST, path + "/photos", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"], body: body)
            #expect(photo.status == .unprocessableEntity)
            #expect(photo.text.contains("id=\"ph-peopleShown-error\"") && photo.text.contains("value=\"The Mayor"))

            let stored = try await Engagements(database: app.db).get(engagement.id, by: .user(officer))
            #expect(stored.quotes.isEmpty && stored.followUps.isEmpty && stored.photos.isEmpty)
        }
    }

    @Test func restrictedEngagementsAndPeopleStayHiddenFromOfficersAndSurviveTheirEdits() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let engagements = Engagements(database: app.db)
            var secret = EngagementInput(kind: "meeting", title: "Closed meeting with Miloš", start: "2023-08-09T18:00", timeZone: "Europe/Belgrade")
            secret.confidentiality = "restricted"
            secret.participants = [ParticipantInput(personID: f.hidden)]
            let restricted = try await engagements.create(secret, by: .user(coordinator))
            var open = EngagementInput(kind: "open_forum", title: "Open forum in Pristina", start: "2023-02-15T17:00", timeZone: "Europe/Belgrade")
            open.participants = [ParticipantInput(personID: f.redzepi, part: "speaker"), ParticipantInput(personID: f.hidden)]
            let forum = try await engagements.create(open, by: .user(coordinator))

            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/engagements/\(restricted.id.uuidString.lowercased())").status == .notFound)
            let timeline = try await browser.get("/engagements")
            #expect(!timeline.text.contains("Closed meeting"))
            #expect(timeline.text.contains("Open forum in Pristina"))
            let page = try await browser.get("/engagements/\(forum.id.uuidString.lowercased())")
            #expect(page.text.contains("Emilija Redžepi") && !page.text.contains("Miloš") && !page.text.contains("Милош"))
            #expect(try await FollowUps(database: app.db).open(ownedBy: officer.id, by: .user(officer)).isEmpty)
            // An officer cannot name a restricted person…
            let named = try await browser.post("/engagements", form: ["kind": "meeting", "title": "x", "start": "2023-08-10T10:00", "timeZone": "UTC",
                                                                      "participants": "Miloš Jovanović"])
            #expect(named.status == .unprocessableEntity && named.text.contains("No one in the registry is called"))
            // …and saving an engagement they see keeps the participants they cannot see.
            let edit = try await browser.get("/engagements/\(forum.id.uuidString.lowercased())/edit")
            #expect(!edit.text.contains("Miloš"))
            let saved = try await browser.post("/engagements/\(forum.id.uuidString.lowercased())", form: [
                "kind": "open_forum", "title": "Open forum in Pristina (February)", "start": "2023-02-15T17:00", "timeZone": "Europe/Belgrade",
                "participants": "Emilija Redžepi, speaker", "confidentiality": "internal", "version": "1",
            ])
            #expect(saved.status == .seeOther)
            let seenByCoordinator = try await engagements.get(forum.id, by: .user(coordinator))
            #expect(seenByCoordinator.summary.title == "Open forum in Pristina (February)")
            #expect(Set(seenByCoordinator.participants.map(\.person.id)) == [f.redzepi, f.hidden])
            // An officer cannot make an engagement restricted either.
            var attempt = open
            attempt.participants = []
            attempt.confidentiality = "restricted"
            await #expect(throws: DomainError.self) { try await engagements.create(attempt, by: .user(officer)) }
            // The restricted person's page, for a coordinator, lists both engagements.
            let history = try await engagements.history(withPerson: f.hidden, by: .user(coordinator), today: Day("2024-01-01")!)
            #expect(history.engagements.map(\.title) == ["Closed meeting with Miloš", "Open forum in Pristina (February)"])
        }
    }

    @Test func aStaleEditShowsBothVersions() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            try await app.addUser("arta@ico.example", role: .officer)
            let engagements = Engagements(database: app.db)
            let record = try await engagements.create(EngagementInput(kind: "call", title: "Call with UNMIK", start: "2023-08-10T09:00", timeZone: "UTC"), by: .commandLine)
            _ = try await engagements.update(record.id, EngagementInput(kind: "call", title: "Call with UNMIK liaison", start: "2023-08-10T09:00", timeZone: "UTC"),
                                             expectedVersion: 1, by: .commandLine)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let stale = try await browser.post("/engagements/\(record.id.uuidString.lowercased())", form: [
                "kind": "call", "title": "Call with UNMIK (rescheduled)", "start": "2023-08-11T09:00", "timeZone": "UTC", "confidentiality": "internal", "version": "1",
            ])
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Call with UNMIK liaison") && stale.text.contains("Call with UNMIK (rescheduled)"))
        }
    }

    @Test func aVisitListsItsEngagementsInTheOrderTheyHappened() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            try await app.addUser("milos@ico.example", role: .viewer)
            var input = FieldVisitInput(title: "August 2023 visit to Kosovo", startsOn: "2023-08-07", endsOn: "2023-08-09")
            input.status = "done"
            input.placeIDs = [f.pristina, f.mitrovica]
            let visit = try await FieldVisits(database: app.db).create(input, by: .commandLine)
            for (title, start) in [("Consortium assembly", "2023-08-09T11:00"), ("Meeting with the Deputy Prime Minister", "2023-08-07T10:00"),
                                   ("Meeting with the Mayor", "2023-08-08T10:00")] {
                var engagement = EngagementInput(kind: "meeting", title: title, start: start, timeZone: "Europe/Belgrade")
                engagement.visitID = visit.id
                _ = try await Engagements(database: app.db).create(engagement, by: .commandLine)
            }
            let browser = Browser(app)
            try await browser.signIn("milos@ico.example")
            let page = try await browser.get("/visits/\(visit.id.uuidString.lowercased())")
            let order = ["Meeting with the Deputy Prime Minister", "Meeting with the Mayor", "Consortium assembly"].map { page.text.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil })
            #expect(order[0]! < order[1]! && order[1]! < order[2]!)
            #expect(page.text.contains("Mitrovica South") && page.text.contains("Pristina"))
            #expect(!page.text.contains("Log an engagement"), "viewers read, they do not write")
            await #expect(throws: DomainError.invalid([FieldIssue(field: "endsOn", "visit.endsBeforeStart")])) {
                try await FieldVisits(database: app.db).create(FieldVisitInput(title: "Backwards", startsOn: "2023-08-09", endsOn: "2023-08-07"), by: .commandLine)
            }
        }
    }

    @Test func headCountsOnlyNamesNobody() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            var input = EngagementInput(kind: "consortium_assembly", title: "Consortium at Community Building Mitrovica", start: "2023-08-09T11:00", timeZone: "Europe/Belgrade")
            input.aggregateOnly = true
            input.headCounts = [HeadCount(category: "community representatives", count: 25), HeadCount(category: "NGOs", count: 18),
                                HeadCount(category: "leaders from diverse ethnic backgrounds", count: 20, atLeast: true)]
            input.participants = [ParticipantInput(personID: f.hamza)]
            await #expect(throws: DomainError.invalid([FieldIssue(field: "participants", "engagement.aggregateOnlyNamesNobody")])) {
                try await Engagements(database: app.db).create(input, by: .commandLine)
            }
            input.participants = []
            let record = try await Engagements(database: app.db).create(input, by: .commandLine)
            #expect(record.headCounts.map(\.displayCount) == ["25", "18", "20+"])
            #expect(record.aggregateOnly && record.participants.isEmpty)
        }
    }

    @Test func theDemoHasTheAugustVisitDayByDay() async throws {
        try await withRoundtable { app in
            _ = try await DemoRegistry(database: app.db).load()
            var arta: UserSummary?
            for user in DemoData.users {
                let added = try await app.addUser(user.email, role: user.role, name: user.name)
                if user.role == .officer { arta = added }
            }
            try await DemoEngagements(database: app.db).load(now: Date())
            let officer = Actor.user(try #require(arta))
            let visits = try await FieldVisits(database: app.db).list(by: officer).items
            #expect(visits.map(\.title) == ["August 2023 visit to Kosovo", "First visit to Kosovo"])
            var query = Engagements.Query()
            query.visitID = visits[0].id
            query.chronological = true
            let august = try await Engagements(database: app.db).list(query, by: officer).items
            #expect(august.map { $0.day?.description ?? "" } == ["2023-08-07", "2023-08-08", "2023-08-09", "2023-08-09", "2023-08-10"])
            let consortium = try await Engagements(database: app.db).get(august[2].id, by: officer)
            #expect(consortium.headCounts.map { "\($0.category): \($0.displayCount)" }
                    == ["community representatives: 25", "NGOs: 18", "leaders from diverse ethnic backgrounds: 20+"])
            #expect(!consortium.participants.contains { $0.person.name == "Miloš Jovanović" }, "restricted: not for an officer")
            let dpm = try await Engagements(database: app.db).get(august[0].id, by: officer)
            #expect(dpm.participants.first?.title == "Deputy Prime Minister for Minority Issues and Human Rights")
            let mine = try await FollowUps(database: app.db).open(ownedBy: officer.userID!, by: officer)
            #expect(mine.map(\.text) == ["Send the meeting summary and the forum proposal to the mayor's office"])
        }
    }

    @Test func linesFromABrowserTextareaSplitOnCRLF() {
        // Browsers send CRLF; Swift reads "\r\n" as one Character.
        #expect(FormValues.list("бедри хамза, host\r\nValdete Idrizi\r\n\r\nAna Marković") == ["бедри хамза, host", "Valdete Idrizi", "Ana Marković"])
        #expect(FormValues.list("sq, en\r\nsr-Latn", commas: true) == ["sq", "en", "sr-Latn"])
    }

    @Test func quotesFollowTheSpeakersConsentAndVanishWithARestrictedSpeaker() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var redzepi = PersonInput(name: "Emilija Redžepi")
            redzepi.consent = [.quoted: "yes"]
            _ = try await People(database: app.db).update(f.redzepi, redzepi, expectedVersion: 1, by: .commandLine)
            let engagement = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Meeting with the DPM", start: "2023-08-07T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let quotes = Quotes(database: app.db)
            let said = try await quotes.add(QuoteInput(speakerID: f.redzepi, text: "Inclusion starts in the municipalities.", language: "en"), to: engagement.id, by: .commandLine)
            #expect(said.publication == .publishable)
            let narrowed = try await quotes.add(QuoteInput(speakerID: f.redzepi, text: "Off the record.", language: "en", withheld: true), to: engagement.id, by: .commandLine)
            #expect(narrowed.publication == .withheld)
            let unknown = try await quotes.add(QuoteInput(speakerID: f.hamza, text: "We will host the forum.", language: "sq"), to: engagement.id, by: .commandLine)
            #expect(unknown.publication == .consentUnknown, "Bedri Hamza was never asked")
            _ = try await quotes.add(QuoteInput(speakerID: f.hidden, text: "Not safe to say more.", language: "sr-Cyrl"), to: engagement.id, by: .commandLine)
            let anonymous = try await quotes.add(QuoteInput(speakerLabel: "a youth worker", text: "Young people want to meet.", language: "en"), to: engagement.id, by: .commandLine)
            #expect(anonymous.publication == .publishable)
            await #expect(throws: DomainError.self) { try await quotes.add(QuoteInput(text: "Nobody said it", language: "en"), to: engagement.id, by: .commandLine) }

            let seen = try await Engagements(database: app.db).get(engagement.id, by: .user(officer)).quotes
            #expect(seen.map(\.text) == ["Inclusion starts in the municipalities.", "Off the record.", "We will host the forum.", "Young people want to meet."])
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let page = try await browser.get("/engagements/\(engagement.id.uuidString.lowercased())")
            #expect(page.text.contains("Inclusion starts in the municipalities.") && !page.text.contains("Not safe to say more."))
            #expect(page.text.contains("ask the speaker whether they may be quoted"))
            let added = try await browser.post("/engagements/\(engagement.id.uuidString.lowercased())/quotes",
                                               form: ["text": "Thank you for coming.", "speaker": "emilija redzepi", "language": "en"])
            #expect(added.status == .seeOther)
            #expect(try await Engagements(database: app.db).get(engagement.id, by: .user(officer)).quotes.count == 5)
        }
    }

    @Test func quoteVerdicts() {
        #expect(QuoteRule.verdict(consentToBeQuoted: .yes, withheld: false) == .publishable)
        #expect(QuoteRule.verdict(consentToBeQuoted: .yes, withheld: true) == .withheld)
        #expect(QuoteRule.verdict(consentToBeQuoted: .no, withheld: false) == .noConsent)
        #expect(QuoteRule.verdict(consentToBeQuoted: .unknown, withheld: false) == .consentUnknown)
        #expect(QuoteRule.verdict(consentToBeQuoted: nil, withheld: false) == .publishable)
    }
}

@Suite("Kinds of engagement: administrators add their own")
struct EngagementKindTests {
    @Test func anAdministratorAddsAKindThatOfficersThenUse() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let admin = try await app.addUser("james@ico.example", role: .admin)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let adminBrowser = Browser(app)
            try await adminBrowser.signIn(admin.email)
            let added = try await adminBrowser.post("/settings/engagement-kinds", form: ["label": "Training of trainers"])
            #expect(added.status == .seeOther)
            let again = try await adminBrowser.post("/settings/engagement-kinds", form: ["label": "Training of Trainers"])
            #expect(again.status == .unprocessableEntity && again.text.contains("There is already a kind with this key."))
            let cyrillic = try await EngagementKinds(database: app.db).add(label: "Обука за медије", by: .user(admin))
            #expect(cyrillic.key == "obuka_za_medije")

            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/settings/engagement-kinds").status == .forbidden)
            let form = try await browser.get("/engagements/new")
            #expect(form.text.contains("<option value=\"training_of_trainers\">Training of trainers</option>"))
            let saved = try await browser.post("/engagements", form: ["kind": "training_of_trainers", "title": "ToT for youth workers",
                                                                      "start": "2023-09-12T09:00", "timeZone": "Europe/Belgrade", "confidentiality": "internal"])
            #expect(saved.status == .seeOther)
            let page = try await browser.get(try #require(saved.location))
            #expect(page.text.contains("Training of trainers · 12 Sep 2023 at 09:00"))
            let token = try await app.token(for: officer.email)
            let unknown = try await app.api(.POST, "/api/v1/engagements", token: token, json: #"{"kind":"karaoke","title":"x","start":"2023-09-12T09:00"}"#)
            #expect(unknown.status == .unprocessableEntity && unknown.body.string.contains("\"kind\""))
            let filtered = try await app.api(.GET, "/api/v1/engagements?kind=training_of_trainers", token: token)
            #expect(filtered.body.string.contains("\"kindLabel\":\"Training of trainers\""))
            // A list of both sorts: the added kind's label is read for it, the built-in one is the catalogue's.
            let meeting = try await browser.post("/engagements", form: ["kind": "meeting", "title": "Meeting with the mayor", "start": "2023-09-13T09:00",
                                                                        "timeZone": "Europe/Belgrade", "confidentiality": "internal"])
            #expect(meeting.status == .seeOther)
            let mixed = try await app.api(.GET, "/api/v1/engagements", token: token).body.string
            #expect(mixed.contains("\"kindLabel\":\"Training of trainers\"") && mixed.contains("Meeting with the mayor"))
            let list = try await browser.get("/engagements").text
            #expect(list.contains("Training of trainers") && list.contains("Meeting with the mayor"))
            #expect(try await app.api(.POST, "/api/v1/engagement-kinds", token: token, json: #"{"label":"Sneaky"}"#).status == .forbidden)
        }
    }
}
