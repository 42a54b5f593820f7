import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Scenario: the working group drafts a recommendation to the Deputy Prime Minister's office resting on the
/// open forum and the April boycott; it is submitted, and the board shows where every recommendation stands.
@Suite("Recommendations: the path from idea to implemented, with the evidence behind them")
struct RecommendationTests {
    @Test func theGroupDraftsARecommendationAndTheBoardFollowsIt() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let forum = try await Engagements(database: app.db).create(
                EngagementInput(kind: "open_forum", title: "Open forum on living together", start: "2023-02-15T17:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let boycott = try await ContextEvents(database: app.db).create(
                ContextEventInput(title: "Boycott in the north", kind: "boycott", severity: "high", startsOn: "2023-04-23"), by: .commandLine)
            let browser = Browser(app)
            try await browser.signIn(officer.email)

            let wrong = try await browser.post("/recommendations", form: ["title": "", "status": "idea", "targets": "Ministry of Nowhere"])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("id=\"f-targetIDs-error\"") && wrong.text.contains("Ministry of Nowhere"))

            let saved = try await browser.post("/recommendations", form: [
                "title": "Keep the committee on communities working", "status": "drafting", "statusOn": "2023-10-02", "level": "municipal",
                "targets": "Office of the Deputy Prime Minister", "contextEventIDs[]": boycott.id.uuidString.lowercased(), "confidentiality": "internal",
            ])
            #expect(saved.status == .seeOther)
            let id = try #require(try await Recommendations(database: app.db).list(.init(), by: .user(officer)).items.first?.id)
            let engagementPath = "/engagements/\(forum.id.uuidString.lowercased())"
            #expect(try await browser.post(engagementPath + "/recommendations", form: ["recommendationID": id.uuidString.lowercased()]).status == .seeOther)

            var item = try await Recommendations(database: app.db).get(id, by: .user(officer))
            #expect(item.targets.map(\.name) == ["Office of the Deputy Prime Minister for Minority Issues and Human Rights"])
            #expect(item.engagements.map(\.title) == ["Open forum on living together"] && item.contextEvents.map(\.title) == ["Boycott in the north"])

            // Straight to implemented from drafting is fine (the path may be walked quickly); back to an idea is not.
            var input = RecommendationInput(title: item.summary.title)
            input.status = "idea"
            input.targetIDs = item.targets.map(\.id)
            input.contextEventIDs = [boycott.id]
            await #expect(throws: DomainError.invalid([FieldIssue(field: "status", "recommendation.cannotMove")])) {
                try await Recommendations(database: app.db).update(id, input, expectedVersion: item.version, by: .user(officer))
            }
            input.status = "submitted"
            input.statusOn = "2023-11-20"
            item = try await Recommendations(database: app.db).update(id, input, expectedVersion: item.version, by: .user(officer))
            #expect(item.statusHistory.map { "\($0.effectiveOn) \($0.status.rawValue)" } == ["2023-10-02 drafting", "2023-11-20 submitted"])
            #expect(item.engagements.count == 1, "evidence linked from engagements stays when the form is saved")

            _ = try await browser.get("/recommendations")
            let board = try await browser.get("/recommendations")
            let submitted = try #require(board.text.range(of: "id=\"status-submitted\"")), accepted = try #require(board.text.range(of: "id=\"status-accepted\""))
            let card = try #require(board.text.range(of: "Keep the committee on communities working"))
            #expect(submitted.lowerBound < card.lowerBound && card.lowerBound < accepted.lowerBound, "in the Submitted column")
            #expect(try await browser.get("/organizations/\(f.dpmOffice.uuidString.lowercased())").text.contains("Keep the committee on communities working"))
            let page = try await browser.get("/recommendations/\(id.uuidString.lowercased())")
            #expect(page.text.contains("Open forum on living together") && page.text.contains("Boycott in the north") && page.text.contains("badge-context"))
        }
    }

    @Test func restrictedEvidenceStaysHiddenAndKept() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            var secret = ContextEventInput(title: "Threats against youth workers", kind: "security_incident", severity: "moderate", startsOn: "2023-06-05")
            secret.confidentiality = "restricted"
            let hidden = try await ContextEvents(database: app.db).create(secret, by: .commandLine)
            var input = RecommendationInput(title: "Protect youth workers who attend mixed meetings")
            input.contextEventIDs = [hidden.id]
            let item = try await Recommendations(database: app.db).create(input, by: .commandLine)
            let seen = try await Recommendations(database: app.db).get(item.id, by: .user(officer))
            #expect(seen.contextEvents.isEmpty, "the restricted event is not shown to an officer")
            var change = RecommendationInput(title: seen.summary.title)
            change.text = "Checked by the officer"
            _ = try await Recommendations(database: app.db).update(item.id, change, expectedVersion: seen.version, by: .user(officer))
            #expect(try await Recommendations(database: app.db).get(item.id, by: .commandLine).contextEvents.map(\.title) == ["Threats against youth workers"])
            let token = try await app.token(for: officer.email)
            let api = try await app.api(.GET, "/api/v1/recommendations/\(item.id.uuidString)", token: token)
            #expect(api.status == .ok && !api.body.string.contains("Threats"))
        }
    }

    @Test func thePathARecommendationMayTake() {
        #expect(RecommendationFlow.canMove(from: .idea, to: .drafting) && RecommendationFlow.canMove(from: .drafting, to: .implemented))
        #expect(!RecommendationFlow.canMove(from: .drafting, to: .idea))
        #expect(RecommendationFlow.canMove(from: .submitted, to: .rejected) && !RecommendationFlow.canMove(from: .drafting, to: .rejected))
        #expect(RecommendationFlow.canMove(from: .rejected, to: .drafting) && !RecommendationFlow.canMove(from: .rejected, to: .accepted))
        #expect(RecommendationFlow.canMove(from: .accepted, to: .withdrawn) && !RecommendationFlow.canMove(from: .implemented, to: .withdrawn))
        #expect(!RecommendationFlow.canMove(from: .withdrawn, to: .drafting))
    }
}
