import Domain
@testable import Features
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web

/// Captures from a phone reach the server over a connection that drops: whatever is sent again, crossed or
/// lost on the way, each capture is saved exactly once.
@Suite("Captures: sent once, however often they are sent")
struct CaptureTests {
    private struct Made: Decodable { var id: UUID }

    /// A small generator with a seed, so that a failing order can be run again.
    private struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test func fiveHundredCapturesSentThreeTimesOverADroppingConnectionMakeFiveHundredEngagements() async throws {
        try await withRoundtable { app in
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let captures = (0..<500).map { n in
                (key: "uuid:\(UUID().uuidString.lowercased())", body: """
                    {"kind":"meeting","title":"Village meeting \(n)","start":"2026-11-\(String(format: "%02d", n % 28 + 1))T10:00",
                     "timeZone":"Europe/Belgrade","headCounts":[{"category":"residents","count":\(n % 40 + 1)}]}
                    """)
            }
            // Three sends of each, in a shuffled order, eight in flight at once (so a capture's sends cross);
            // a third never arrive and another third arrive but their answer is lost.
            var generator = Seeded(state: 2026)
            let sends = (0..<3).flatMap { _ in captures.indices }.shuffled(using: &generator)
            let fates = sends.map { _ in Int.random(in: 0..<3, using: &generator) }
            var confirmed: [String: UUID] = [:]
            for start in stride(from: 0, to: sends.count, by: 8) {
                let batch = Array(zip(sends, fates))[start..<min(start + 8, sends.count)]
                let answers = try await withThrowingTaskGroup(of: (Int, UUID?).self) { group in
                    for (index, fate) in batch where fate != 0 {
                        group.addTask {
                            let capture = captures[index]
                            let response = try await app.api(.POST, "/api/v1/engagements", token: token, json: capture.body,
                                                             headers: [CaptureRequest.header: capture.key])
                            // A server in trouble (5xx: on SQLite in memory, two writers can meet a table lock) is
                            // what the device resends later; a refusal (4xx) would be a bug.
                            #expect(response.status == .created || response.status.code >= 500, "\(response.status) \(response.body.string)")
                            guard response.status == .created else { return (index, nil) }
                            let id = try? JSONDecoder().decode(Made.self, from: Data(response.body.readableBytesView)).id
                            return (index, fate == 2 ? id : nil)
                        }
                    }
                    return try await group.reduce(into: [(Int, UUID?)]()) { $0.append($1) }
                }
                for (index, id) in answers {
                    guard let id else { continue }
                    if let earlier = confirmed[captures[index].key] { #expect(earlier == id, "one capture, one engagement") }
                    confirmed[captures[index].key] = id
                }
            }
            // The device keeps what was not confirmed and sends it until it is.
            for capture in captures where confirmed[capture.key] == nil {
                for _ in 0..<5 where confirmed[capture.key] == nil {
                    let response = try await app.api(.POST, "/api/v1/engagements", token: token, json: capture.body,
                                                     headers: [CaptureRequest.header: capture.key])
                    #expect(response.status == .created || response.status.code >= 500)
                    confirmed[capture.key] = try? JSONDecoder().decode(Made.self, from: Data(response.body.readableBytesView)).id
                }
            }
            #expect(confirmed.count == 500, "every capture confirmed in the end")
            let stored = try await EngagementModel.query(on: app.db).all()
            #expect(stored.count == 500, "0 lost, 0 duplicated")
            #expect(Set(stored.compactMap(\.id)) == Set(confirmed.values))
            #expect(Set(stored.map(\.title)).count == 500)
            #expect(try await CaptureModel.query(on: app.db).count() == 500)
            #expect(try await app.auditEntries(action: .create).filter { $0.recordType == "engagement" }.count == 500,
                    "a resend writes nothing, not even a line in the history")
        }
    }

    @Test func aResendWithOtherContentIsRefusedAndKeptForItsAuthorToReview() async throws {
        try await withRoundtable { app in
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let key = UUID().uuidString
            let first = try await app.api(.POST, "/api/v1/engagements", token: token,
                                          json: #"{"kind":"meeting","title":"Meeting at the crossing","start":"2026-11-20T10:00","timeZone":"UTC"}"#,
                                          headers: [CaptureRequest.header: key])
            #expect(first.status == .created)
            // The same content, its keys in another order and spaced otherwise: the same capture.
            let again = try await app.api(.POST, "/api/v1/engagements", token: token,
                                          json: #"{ "title": "Meeting at the crossing", "timeZone": "UTC", "kind": "meeting", "start": "2026-11-20T10:00" }"#,
                                          headers: [CaptureRequest.header: key])
            #expect(again.status == .created && again.body.string == first.body.string)
            let changed = try await app.api(.POST, "/api/v1/engagements", token: token,
                                            json: #"{"kind":"meeting","title":"Meeting at the bridge","start":"2026-11-20T10:00","timeZone":"UTC"}"#,
                                            headers: [CaptureRequest.header: key])
            #expect(changed.status == .conflict)
            #expect(changed.headers.contentType?.description.contains("problem+json") == true)
            #expect(changed.body.string.contains("\"capture\""))
            #expect(try await EngagementModel.query(on: app.db).count() == 1, "the first stands")
            let reviews = try await CaptureReviews(database: app.db).open(by: .user(officer))
            #expect(reviews.count == 1)
            #expect(reviews.first?.reason == .changedResend && reviews.first?.sent["title"] == "\"Meeting at the bridge\"")
            #expect(reviews.first?.details["record"] == ["Meeting at the crossing"])
            // The officer reads it on their review page and, having dealt with it, removes it.
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let page = try await browser.get("/captures/review").body.string
            #expect(page.contains("Meeting at the bridge") && page.contains("Sent again with different content"))
            let removed = try await browser.post("/captures/review/\(reviews[0].id.uuidString.lowercased())/delete")
            #expect(removed.status == .seeOther)
            #expect(try await CaptureReviews(database: app.db).open(by: .user(officer)).isEmpty)
            #expect(try await app.auditEntries(action: .delete).contains { $0.recordType == "captureReview" })
            // Another user's capture with the same key is another capture.
            let colleague = try await app.token(for: app.addUser("kubra@ico.example", role: .coordinator).email)
            let theirs = try await app.api(.POST, "/api/v1/engagements", token: colleague,
                                           json: #"{"kind":"meeting","title":"Their meeting","start":"2026-11-21T10:00","timeZone":"UTC"}"#,
                                           headers: [CaptureRequest.header: key])
            #expect(theirs.status == .created && theirs.body.string.contains("Their meeting"))
            #expect(try await CaptureReviews(database: app.db).open(by: .user(app.addUser("x@ico.example", role: .officer))).isEmpty)
            // A key that is no key is refused at its header.
            let bad = try await app.api(.POST, "/api/v1/engagements", token: token,
                                        json: #"{"kind":"meeting","title":"x","start":"2026-11-20T10:00","timeZone":"UTC"}"#,
                                        headers: [CaptureRequest.header: "with space"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("Idempotency-Key"))
        }
    }

    /// A resend that arrives after a coordinator deleted what the first send made: nothing is made again, and
    /// the answer says so instead of "created" with the address of a record that is no longer there (which the
    /// API fuzzer read as a created record gone missing).
    @Test func aResendAfterWhatItMadeWasDeletedMakesNothingAgainAndSaysSo() async throws {
        try await withRoundtable { app in
            _ = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let administrator = try await app.addUser("james@ico.example", role: .admin)
            let admin = try await app.token(for: administrator.email)
            let json = #"{"name":"Gorani","status":"non_majority"}"#
            let first = try await app.api(.POST, "/api/v1/communities", token: admin, json: json, headers: [CaptureRequest.header: "0"])
            #expect(first.status == .created)
            let id = try JSONDecoder().decode(Made.self, from: Data(first.body.readableBytesView)).id
            #expect(try await app.api(.DELETE, "/api/v1/communities/\(id)", token: admin).status == .noContent)
            let again = try await app.api(.POST, "/api/v1/communities", token: admin, json: json, headers: [CaptureRequest.header: "0"])
            #expect(again.status == .conflict, "an administrator, who could still read the deleted one, is not told it was created")
            #expect(again.headers.contentType?.description.contains("problem+json") == true)
            #expect(again.body.string.contains("\"capture\"") && again.body.string.contains("deleted"))
            #expect(try await CommunityModel.query(on: app.db).withDeleted().count() == 1, "nothing made again")
            #expect(try await CaptureReviews(database: app.db).open(by: .user(administrator)).isEmpty,
                    "nothing to copy over: it is what was deleted")

            // The same from a phone: an officer's kept engagement, deleted at the office before its resend landed.
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let (_, fields) = try await Self.logForm(browser)
            let sent = try await browser.post("/captures", form: fields)
            #expect(sent.status == .created)
            let engagement = try #require(try await EngagementModel.query(on: app.db).first())
            try await Engagements(database: app.db).delete(engagement.id!, expectedVersion: nil, by: .user(coordinator))
            let resent = try await browser.post("/captures", form: fields)
            #expect(resent.status == .conflict)
            #expect(resent.body.string.contains(#""status":"deleted""#), "the device lets go of it and tells its author why")
            #expect(try await EngagementModel.query(on: app.db).withDeleted().count() == 1)
        }
    }

    /// The log form as an officer opens it — its capture identity, made when it is served — filled in.
    private static func logForm(_ browser: Browser) async throws -> (key: String, fields: [String: String]) {
        let form = try await browser.get("/engagements/new").body.string
        let key = String(try #require(form.firstMatch(of: /name="capture" value="([0-9a-f-]{36})"/)?.1))
        return (key, ["capture": key, "kind": "meeting", "title": "Meeting with the youth council",
                      "start": "2026-11-20T10:00", "timeZone": "Europe/Belgrade", "confidentiality": "internal"])
    }

    @Test func theLogFormSentTwiceSavesOneEngagement() async throws {
        try await withRoundtable { app in
            _ = try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let (key, fields) = try await Self.logForm(browser)
            let first = try await browser.post("/engagements", form: fields)
            let second = try await browser.post("/engagements", form: fields)
            #expect(first.status == .seeOther && second.status == .seeOther, "\(first.status) \(first.body.string.firstMatch(of: /error-summary[\s\S]{0,600}/)?.0 ?? "")")
            #expect(first.headers.first(name: .location) == second.headers.first(name: .location))
            #expect(try await EngagementModel.query(on: app.db).count() == 1)
            // Another opening of the form is another capture.
            let other = try await browser.get("/engagements/new").body.string
            #expect((other.firstMatch(of: /name="capture" value="([0-9a-f-]{36})"/)?.1).map { String($0) } != key)
        }
    }
}

@Suite("Captures: notes and follow-up changes sent once")
struct CaptureNoteTests {
    @Test func aFollowUpAndAQuoteSentTwiceFromTheEngagementPageAreAddedOnce() async throws {
        try await withRoundtable { app in
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let engagement = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Meeting at the crossing", start: "2026-11-20T10:00", timeZone: "UTC"),
                by: .user(officer))
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let page = try await browser.get("/engagements/\(engagement.id.uuidString.lowercased())").body.string
            let followUpKey = try #require(page.firstMatch(of: /name="capture" value="([0-9a-f-]+-fu)"/)?.1)
            let quoteKey = try #require(page.firstMatch(of: /name="capture" value="([0-9a-f-]+-q)"/)?.1)
            let path = "/engagements/\(engagement.id.uuidString.lowercased())"
            for _ in 0..<2 {
                let added = try await browser.post(path + "/follow-ups", form: ["capture": String(followUpKey), "text": "Send the minutes"])
                #expect(added.status == .seeOther)
                let quoted = try await browser.post(path + "/quotes", form: ["capture": String(quoteKey), "text": "We want the bridge open.",
                                                                            "speakerLabel": "a youth worker", "language": "en"])
                #expect(quoted.status == .seeOther)
            }
            #expect(try await FollowUpModel.query(on: app.db).count() == 1)
            #expect(try await QuoteModel.query(on: app.db).count() == 1)
        }
    }

    @Test func aStatusChangedOfflineAfterSomeoneElseChangedItGoesToReviewAndAResendChangesNothing() async throws {
        try await withRoundtable { app in
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            var input = EngagementInput(kind: "meeting", title: "Meeting at the crossing", start: "2026-11-20T10:00", timeZone: "UTC")
            input.followUps = [FollowUpInput(text: "Send the minutes", ownerID: officer.id, dueOn: nil)]
            input.followUps[0].status = "open"
            _ = try await Engagements(database: app.db).create(input, by: .user(officer))
            let followUp = try #require(try await FollowUpModel.query(on: app.db).first())
            let id = try #require(followUp.id)
            let followUps = FollowUps(database: app.db)
            // The officer marks it done on a phone with no signal (version 1) …
            let device = Capture(key: "device-1", content: #"{"status":"done","version":"1"}"#)
            // … while the coordinator drops it at the office.
            try await followUps.setStatus(id, .dropped, expectedVersion: 1, by: .user(coordinator))
            await #expect(throws: DomainError.versionConflict(current: 2)) {
                try await followUps.setStatus(id, .done, expectedVersion: 1, by: .user(officer), capture: device)
            }
            #expect(try await FollowUpModel.find(id, on: app.db)?.status == .dropped, "what is stored stands")
            let review = try #require(try await CaptureReviews(database: app.db).open(by: .user(officer)).first)
            #expect(review.reason == .changedMeanwhile && review.details["stored"] == ["dropped"] && review.details["sent"] == ["done"])
            // A change that is already so is never a conflict: the answer to the first send was lost.
            try await followUps.setStatus(id, .dropped, expectedVersion: 1, by: .user(coordinator))
            #expect(try await CaptureReviews(database: app.db).open(by: .user(officer)).count == 1)
        }
    }
}
