import Domain
import FluentKit
@testable import Features
import Storage
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario 3: the communications officer drafts the public update of the August visit. The check names
/// who has not agreed to be named, quoted or shown; the export stays closed until each is resolved; restricted
/// people and internal engagements never appear, whoever drafts it.
@Suite("The public update and its publication check")
struct PublicUpdateTests {
    struct Visit {
        var id: UUID
        var path: String
        var ilicQuote: UUID
        var ilicPhoto: UUID
    }

    func augustVisit(_ app: Application) async throws -> Visit {
        let f = try await RegistryFixture.make(app)
        let people = People(database: app.db)
        var hoxhaInput = PersonInput(name: "Valon Hoxha")
        hoxhaInput.consent = [.namedPublicly: "yes", .quoted: "yes", .photographed: "yes"]
        let hoxha = try await people.create(hoxhaInput, by: .commandLine)
        var ilicInput = PersonInput(name: "Jelena Ilić")
        ilicInput.consent = [.namedPublicly: "yes", .quoted: "unknown", .photographed: "no"]
        let ilic = try await people.create(ilicInput, by: .commandLine)

        var visitInput = FieldVisitInput(title: "August 2023 visit", startsOn: "2023-08-07", endsOn: "2023-08-10")
        visitInput.purpose = "Four days with partners in Pristina and Mitrovica."
        let visit = try await FieldVisits(database: app.db).create(visitInput, by: .commandLine)
        var forum = EngagementInput(kind: "open_forum", title: "Open forum in Mitrovica", start: "2023-08-09T10:00", timeZone: "Europe/Belgrade")
        forum.visitID = visit.id
        forum.confidentiality = "public"
        forum.participants = [ParticipantInput(personID: hoxha.id, part: "host"), ParticipantInput(personID: ilic.id, part: "speaker"),
                              ParticipantInput(personID: f.hidden, part: "participant")]
        forum.headCounts = [HeadCount(category: "community representatives", count: 25)]
        forum.summary = "Leaders from every community met for a morning."
        let engagement = try await Engagements(database: app.db).create(forum, by: .commandLine)
        _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: hoxha.id, text: "Bridges are built by people.", language: "en"), to: engagement.id, by: .commandLine)
        let ilicQuote = try await Quotes(database: app.db).add(QuoteInput(speakerID: ilic.id, text: "Our schools need both languages.", language: "en"),
                                                               to: engagement.id, by: .commandLine)
        _ = try await Quotes(database: app.db).add(QuoteInput(speakerID: f.hidden, text: "Not safe to say more.", language: "en"), to: engagement.id, by: .commandLine)
        let store = app.roundtable.photos
        _ = try await Photos(database: app.db, store: store).add(PhotoInput(bytes: GeneratedPicture.scene(width: 32, height: 24, seed: 1),
                                                                            caption: "The forum opens", peopleShown: [hoxha.id]), to: engagement.id, by: .commandLine)
        let ilicPhoto = try await Photos(database: app.db, store: store).add(PhotoInput(bytes: GeneratedPicture.scene(width: 32, height: 24, seed: 2),
                                                                                        caption: "Speaking for the schools", peopleShown: [ilic.id]), to: engagement.id, by: .commandLine)
        _ = try await Photos(database: app.db, store: store).add(PhotoInput(bytes: GeneratedPicture.scene(width: 32, height: 24, seed: 3),
                                                                            caption: "Round the table", peopleShown: [hoxha.id, f.hidden]), to: engagement.id, by: .commandLine)
        var debrief = EngagementInput(kind: "meeting", title: "Internal debrief", start: "2023-08-10T09:00", timeZone: "Europe/Belgrade")
        debrief.visitID = visit.id
        debrief.confidentiality = "internal"
        _ = try await Engagements(database: app.db).create(debrief, by: .commandLine)
        var calm = ContextEventInput(title: "Calm at the bridge", kind: "tension", severity: "low", startsOn: "2023-08-09")
        calm.confidentiality = "public"
        _ = try await ContextEvents(database: app.db).create(calm, by: .commandLine)
        var threats = ContextEventInput(title: "Threats against a councillor", kind: "tension", severity: "high", startsOn: "2023-08-08")
        threats.confidentiality = "internal"
        _ = try await ContextEvents(database: app.db).create(threats, by: .commandLine)
        return Visit(id: visit.id, path: "/visits/\(visit.id.uuidString.lowercased())", ilicQuote: ilicQuote.id, ilicPhoto: ilicPhoto.id)
    }

    @Test func theCheckBlocksTheExportUntilEveryoneHasAgreedOrIsLeftOut() async throws {
        try await withRoundtable { app in
            let visit = try await augustVisit(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            try await browser.signIn(coordinator.email)
            #expect(try await browser.get(visit.path).text.contains("Draft the public update"))

            let first = try await browser.get(visit.path + "/public-update")
            #expect(first.status == .ok)
            #expect(first.text.contains("Not ready to publish: 2 problems to resolve"))
            #expect(first.text.contains("Jelena Ilić has not agreed to be quoted (their answer: Unknown)"))
            #expect(first.text.contains("Jelena Ilić has not agreed to appear in published photos (their answer: No)"))
            #expect(first.text.contains("People with restricted records left out: 1."))
            for secret in ["Miloš", "Jovanović", "Not safe to say more.", "Round the table", "Internal debrief", "Threats against a councillor"] {
                #expect(!first.text.contains(secret), "a coordinator's draft never shows \(secret)")
            }
            #expect(first.text.contains("Calm at the bridge") && first.text.contains("25 community representatives"))

            let blocked = try await browser.get(visit.path + "/public-update.md")
            #expect(blocked.status == .conflict && blocked.text.contains("Not ready to publish"))
            let token = try await app.token(for: coordinator.email)
            let apiBlocked = try await app.api(.GET, "/api/v1/visits/\(visit.id.uuidString)/public-update.md", token: token)
            #expect(apiBlocked.status == .conflict && apiBlocked.headers.first(name: .contentType) == "application/problem+json")

            // Keep the quote and the photo back, and write a closing that names the restricted participant.
            let quote = visit.ilicQuote.uuidString.lowercased(), photo = visit.ilicPhoto.uuidString.lowercased()
            let saved = try await browser.post(visit.path + "/public-update", form: [
                "headline": "Bridges in Mitrovica", "lead": "The delegation spent four days in Kosovo.", "closing": "Thanks to Miloš Jovanović.",
                "quoteOut[\(quote)]": "1", "photoOut[\(photo)]": "1", "version": "0"])
            #expect(saved.status == .seeOther)
            let named = try await browser.get(visit.path + "/public-update")
            #expect(named.text.contains("The text of the closing words names a person whose record is restricted."))
            #expect(try await browser.get(visit.path + "/public-update.md").status == .conflict)

            _ = try await browser.post(visit.path + "/public-update", form: [
                "headline": "Bridges in Mitrovica", "lead": "The delegation spent four days in Kosovo.", "closing": "Thanks to everyone who came.",
                "quoteOut[\(quote)]": "1", "photoOut[\(photo)]": "1", "version": "1"])
            let ready = try await browser.get(visit.path + "/public-update")
            #expect(ready.text.contains("Ready to publish"))
            let markdown = try await browser.get(visit.path + "/public-update.md")
            #expect(markdown.status == .ok)
            let text = markdown.body.string
            #expect(text.hasPrefix("# Bridges in Mitrovica\n\nThe delegation spent four days in Kosovo."))
            #expect(text.contains("With Valon Hoxha, Jelena Ilić.") && text.contains("> “Bridges are built by people.” — Valon Hoxha"))
            #expect(text.contains("*Image 1: The forum opens*") && !text.contains("Speaking for the schools") && !text.contains("Our schools"))
            for secret in ["Miloš", "Jovanović", "Not safe", "Round the table", "Internal debrief", "Threats"] { #expect(!text.contains(secret)) }
            let html = try await browser.get(visit.path + "/public-update.html")
            #expect(html.status == .ok && html.body.string.contains("src=\"data:image/png;base64,") && html.body.string.contains("Image 1: The forum opens"))
            #expect(try await browser.get(visit.path + "/history").text.contains("public update: who is named"))
        }
    }

    @Test func anAnonymisedPersonIsDescribedWithoutTheirTitleAndAnOfficerMayPrepareButNotPublish() async throws {
        try await withRoundtable { app in
            let visit = try await augustVisit(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let apiPath = "/api/v1/visits/\(visit.id.uuidString)/public-update"
            let before = try await app.api(.GET, apiPath, token: token)
            #expect(before.status == .ok && before.body.string.contains("\"clean\":false"))
            #expect(!before.body.string.contains("Jovanovi"))

            let ilic = try #require(try await PersonModel.query(on: app.db).filter(\.$name == "Jelena Ilić").first()?.id).uuidString.lowercased()
            let body = #"{"people":{"\#(ilic)":{"treatment":"anonymise","label":"a teacher from the north"}},"#
                + #""quotesLeftOut":["\#(visit.ilicQuote.uuidString)"],"photosLeftOut":["\#(visit.ilicPhoto.uuidString)"],"version":0}"#
            let saved = try await app.api(.PUT, apiPath, token: token, json: body)
            #expect(saved.status == .ok && saved.body.string.contains("\"clean\":true"))
            // An officer prepares the update; a coordinator publishes it.
            #expect(try await app.api(.GET, apiPath + ".md", token: token).status == .forbidden)

            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let markdown = try await app.api(.GET, apiPath + ".md", token: try await app.token(for: coordinator.email))
            #expect(markdown.status == .ok && markdown.body.string.contains("With Valon Hoxha, a teacher from the north."))
            #expect(!markdown.body.string.contains("Ilić"))

            // A description that names someone who may not be named is caught like any typed text.
            let naming = #"{"people":{"\#(ilic)":{"treatment":"anonymise","label":"Ms Ilić from the north"}},"#
                + #""quotesLeftOut":["\#(visit.ilicQuote.uuidString)"],"photosLeftOut":["\#(visit.ilicPhoto.uuidString)"],"version":1}"#
            let caught = try await app.api(.PUT, apiPath, token: token, json: naming)
            #expect(caught.status == .ok && caught.body.string.contains("\"clean\":false") && caught.body.string.contains("name_in_text"))

            let bad = try await app.api(.PUT, apiPath, token: token, json: #"{"people":{"not-an-id":{"treatment":"name"}},"version":2}"#)
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("people.not-an-id"))
        }
    }
}
