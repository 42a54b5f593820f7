import Domain
@testable import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
import VaporTesting
@testable import Web

/// The coordinator answers to the data-protection officer: with a retention period of 24 months, people
/// nobody met, changed or decided to keep for longer than that — with no post and no continuing lawful
/// basis — are listed, to be kept with a reason or erased.
@Suite("Retention review: who is past the period, kept with a reason or erased")
struct RetentionReviewTests {
    static let threeYears: TimeInterval = 3 * 365 * 86_400

    struct Cast {
        var f: RegistryFixture
        /// Met once, three years ago.
        var agim: UUID
        /// Recorded three years ago, never met.
        var dren: UUID
        /// Recorded three years ago, met last month.
        var besa: UUID
        /// Recorded three years ago, still in post (no end day).
        var mayor: UUID
        /// Recorded three years ago, their post ended two and a half years ago.
        var former: UUID
        /// Recorded three years ago, kept under a legal obligation.
        var legal: UUID
        /// Recorded three years ago, their record changed last week.
        var changed: UUID
        /// Recorded three years ago, restricted.
        var restricted: UUID
        /// Recorded three years ago, deleted.
        var deleted: UUID
        var agimsMeeting: Day
    }

    static func day(_ date: Date) -> Day { Day(utc: date) }

    static func cast(_ app: Application, now: Date = Date()) async throws -> Cast {
        let f = try await RegistryFixture.make(app)
        let old = now.addingTimeInterval(-threeYears)
        let people = People(database: app.db)
        func person(_ name: String, _ change: (inout PersonInput) -> Void = { _ in }) async throws -> UUID {
            var input = PersonInput(name: name)
            input.lawfulBasis = LawfulBasis.consent.rawValue
            change(&input)
            return try await people.create(input, by: .commandLine, now: old).id
        }
        let agim = try await person("Agim Berisha"), dren = try await person("Dren Gashi"), besa = try await person("Besa Krasniqi")
        let mayor = try await person("Sokol Bajrami"), former = try await person("Vjosa Hoxha")
        let legal = try await person("Luan Morina") { $0.lawfulBasis = LawfulBasis.legalObligation.rawValue }
        let changed = try await person("Ardita Shala")
        let restricted = try await person("Nikola Petrović") { $0.sensitivity = Sensitivity.restricted.rawValue }
        let deleted = try await person("Blerta Rama")

        let engagements = Engagements(database: app.db)
        let metThen = day(old.addingTimeInterval(86_400))
        var meeting = EngagementInput(kind: "meeting", title: "Youth council", start: "\(metThen)T10:00", timeZone: "Europe/Belgrade")
        meeting.participants = [ParticipantInput(personID: agim), ParticipantInput(personID: besa)]
        _ = try await engagements.create(meeting, by: .commandLine, now: old)
        var recent = EngagementInput(kind: "meeting", title: "Follow-up with Besa",
                                     start: "\(day(now.addingTimeInterval(-30 * 86_400)))T10:00", timeZone: "Europe/Belgrade")
        recent.participants = [ParticipantInput(personID: besa)]
        _ = try await engagements.create(recent, by: .commandLine, now: old)

        let positions = Positions(database: app.db)
        _ = try await positions.create(PositionInput(personID: mayor, organizationID: f.dpmOffice, title: "Mayor", startsOn: "\(day(old))"),
                                       by: .commandLine, now: old)
        _ = try await positions.create(PositionInput(personID: former, organizationID: f.dpmOffice, title: "Adviser", startsOn: "\(day(old))",
                                                     endsOn: "\(day(now.addingTimeInterval(-Self.threeYears * 5 / 6)))"),
                                       by: .commandLine, now: old)

        var changedInput = PersonInput(name: "Ardita Shala")
        changedInput.lawfulBasis = LawfulBasis.consent.rawValue
        changedInput.notes = "Asked to be sent the report."
        _ = try await people.update(changed, changedInput, expectedVersion: 1, by: .commandLine, now: now.addingTimeInterval(-7 * 86_400))
        try await people.delete(deleted, expectedVersion: nil, by: .commandLine, now: old)
        return Cast(f: f, agim: agim, dren: dren, besa: besa, mayor: mayor, former: former, legal: legal, changed: changed,
                    restricted: restricted, deleted: deleted, agimsMeeting: metThen)
    }

    /// The period set, and Kübra (a coordinator) signed in to the site.
    static func coordinatorSignedIn(_ app: Application, months: Int) async throws -> (UserSummary, Browser) {
        try await SiteSettings(database: app.db).setRetentionPeriod(months: months, by: .commandLine)
        let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
        let browser = Browser(app)
        try await browser.signIn(coordinator.email)
        return (coordinator, browser)
    }

    static func listed(_ app: Application, by actor: Actor, now: Date = Date()) async throws -> [UUID] {
        try await RetentionReview(database: app.db).list(by: actor, perPage: 200, now: now).people.items.map(\.person.id)
    }

    @Test func withTwoYearsOnlyThosePastItAreListed() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            let admin = try await app.addUser("james@ico.example", role: .admin)
            let coordinator = Actor.user(try await app.addUser("kubra@ico.example", role: .coordinator))

            // Off by default: nobody is ever listed.
            let off = try await RetentionReview(database: app.db).list(by: coordinator)
            #expect(off.period == nil && off.people.items.isEmpty && off.people.total == 0)

            try await SiteSettings(database: app.db).setRetentionPeriod(months: 24, by: .user(admin))
            let review = try await RetentionReview(database: app.db).list(by: coordinator)
            #expect(review.period?.months == 24 && review.people.total == 4)
            // Met three years ago, never met, a post that ended, and a restricted person (a coordinator reads them).
            #expect(Set(review.people.items.map(\.person.id)) == [cast.agim, cast.dren, cast.former, cast.restricted])
            let agim = try #require(review.people.items.first { $0.person.id == cast.agim })
            #expect(agim.lastEngagement == cast.agimsMeeting && agim.lawfulBasis == .consent && !agim.restricted)
            #expect(review.people.items.first { $0.person.id == cast.dren }?.lastEngagement == nil)
            #expect(review.people.items.first { $0.person.id == cast.restricted }?.restricted == true)
            #expect(review.people.items.map(\.person.name) == ["Agim Berisha", "Dren Gashi", "Nikola Petrović", "Vjosa Hoxha"],
                    "in name order")

            // With a period of five years, three years is not past it.
            try await SiteSettings(database: app.db).setRetentionPeriod(months: 60, by: .user(admin))
            #expect(try await Self.listed(app, by: coordinator).isEmpty)
        }
    }

    @Test func restrictedPeopleAreLeftOutForAReaderWhoMayNotReadThemAndOfficersMayNotSeeTheList() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            try await SiteSettings(database: app.db).setRetentionPeriod(months: 24, by: .commandLine)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            await #expect(throws: DomainError.forbidden) { try await RetentionReview(database: app.db).list(by: .user(officer)) }
            #expect(try await app.api(.GET, "/api/v1/retention-review", token: try await app.token(for: officer.email)).status == .forbidden)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/retention-review").status == .forbidden)

            // The rule itself leaves restricted people out for any reader without `readRestricted`, so a role
            // given the review later could not see them through it.
            let now = Date()
            let condition = RetentionReview.pastThePeriod(cutoff: RetentionPeriod(months: 24)!.cutoff(before: now), today: Day(utc: now),
                                                          actor: .user(officer))
            let rows = try await app.db.sql.raw("SELECT \(ident: "x").\(ident: "id") FROM \(ident: "people") AS \(ident: "x") WHERE \(condition)").all()
            let ids = Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
            #expect(ids == [cast.agim, cast.dren, cast.former])
        }
    }

    @Test func keepingSomeoneTakesThemOffTheListForOnePeriodAndIsAudited() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            let (coordinator, browser) = try await Self.coordinatorSignedIn(app, months: 24)
            let page = try await browser.get("/retention-review")
            #expect(page.status == .ok && page.text.contains("4 people past the retention period"))
            #expect(page.text.contains("Agim Berisha") && page.text.contains("none recorded"))
            #expect(page.text.contains("/people/\(cast.agim.path)/erase?from=review"))

            // No reason: the mistake beside Agim's reason, and nothing recorded.
            let path = "/people/\(cast.agim.path)/retention-decision"
            let refused = try await browser.post(path, form: ["reason": "  "])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("id=\"f-\(cast.agim.path)-reason-error\""))
            #expect(try await RetentionDecisionModel.query(on: app.db).count() == 0)

            let kept = try await browser.post(path, form: ["reason": "Partner in the youth programme until 2027"])
            #expect(kept.status == .seeOther && kept.location == "/retention-review")
            let after = try await browser.get("/retention-review")
            #expect(after.text.contains("Agim Berisha is kept until") && after.text.contains("3 people past the retention period"))
            #expect(!after.text.contains(">Agim Berisha</a>"))

            let entry = try #require(try await app.auditEntries(action: .retentionKeep).first)
            #expect(entry.recordID == cast.agim && entry.actor == coordinator.email && entry.recordType == People.recordType)
            #expect(entry.changes == [FieldChange(field: "reason", from: nil, to: "Partner in the youth programme until 2027")])

            // The decision holds for one period from its day: 25 months on, Agim is back.
            let actor = Actor.user(coordinator)
            #expect(!(try await Self.listed(app, by: actor, now: Date().addingTimeInterval(23 * 30 * 86_400))).contains(cast.agim))
            #expect(try await Self.listed(app, by: actor, now: Date().addingTimeInterval(25 * 31 * 86_400)).contains(cast.agim))

            // Keeping someone who is not on the list records nothing.
            await #expect(throws: DomainError.notAllowed("retention.notListed")) {
                try await RetentionReview(database: app.db).keep(cast.besa, reason: "Just in case", by: actor)
            }
        }
    }

    @Test func theAPIListsAndKeepsWithProblemsForBadInput() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let token = try await app.token(for: coordinator.email)
            let off = try await app.api(.GET, "/api/v1/retention-review", token: token)
            #expect(off.status == .ok && off.text.contains("\"months\":null") && off.text.contains("\"cutoff\":null") && off.text.contains("\"total\":0"))
            // Keeping while the review is off is refused.
            let whileOff = try await app.api(.POST, "/api/v1/people/\(cast.agim.path)/retention-decision", token: token, json: #"{"reason":"x"}"#)
            #expect(whileOff.status == .conflict && whileOff.headers.contentType?.description.contains("problem+json") == true)

            try await SiteSettings(database: app.db).setRetentionPeriod(months: 24, by: .commandLine)
            let list = try await app.api(.GET, "/api/v1/retention-review?perPage=2", token: token)
            #expect(list.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [String: Any])
            #expect(json["months"] as? Int == 24 && json["total"] as? Int == 4 && json["hasMore"] as? Bool == true)
            let first = try #require((json["items"] as? [[String: Any]])?.first)
            #expect((first["person"] as? [String: Any])?["name"] as? String == "Agim Berisha")
            #expect(first["lastEngagement"] as? String == cast.agimsMeeting.description && first["lawfulBasis"] as? String == "consent")
            // The cut-off as the API writes every moment, and someone never met written as null, not left out.
            #expect((json["cutoff"] as? String).flatMap { try? Date($0, strategy: .iso8601) } != nil, "\(json["cutoff"] ?? "none")")
            let everyone = try await app.api(.GET, "/api/v1/retention-review?perPage=50", token: token)
            let items = try #require((try JSONSerialization.jsonObject(with: Data(everyone.body.readableBytesView)) as? [String: Any])?["items"] as? [[String: Any]])
            let dren = try #require(items.first { ($0["person"] as? [String: Any])?["id"] as? String == cast.dren.uuidString })
            #expect(dren["lastEngagement"] is NSNull)
            #expect(try await app.api(.GET, "/api/v1/retention-review?perPage=0", token: token).status == .unprocessableEntity)

            let path = "/api/v1/people/\(cast.dren.path)/retention-decision"
            let empty = try await app.api(.POST, path, token: token, json: #"{"reason":""}"#)
            #expect(empty.status == .unprocessableEntity && empty.text.contains("\"reason\""))
            #expect(try await app.api(.POST, path, token: token, json: #"{"reason":42}"#).status == .unprocessableEntity)
            let kept = try await app.api(.POST, path, token: token, json: #"{"reason":"Grantee contact, audit in 2026"}"#)
            #expect(kept.status == .created && kept.text.contains("\"keptUntil\"") && kept.text.contains("Grantee contact"))
            #expect(try await app.api(.POST, path, token: token, json: #"{"reason":"again"}"#).status == .conflict,
                    "kept already: not on the list any more")
            #expect(try await app.api(.POST, "/api/v1/people/\(UUID().uuidString)/retention-decision", token: token,
                                      json: #"{"reason":"x"}"#).status == .notFound)
        }
    }

    @Test func erasingFromTheListGoesThroughTheErasureAndBackToTheList() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            let (_, browser) = try await Self.coordinatorSignedIn(app, months: 24)
            let confirm = try await browser.get("/people/\(cast.dren.path)/erase?from=review")
            #expect(confirm.status == .ok && confirm.text.contains("name=\"from\" value=\"review\""))
            #expect(confirm.text.contains("href=\"/retention-review\""), "the way back is the review")
            let path = "/people/\(cast.dren.path)/erase"
            // The erasure's own rules hold: a reason and the name typed.
            let refused = try await browser.post(path, form: ["reason": "Past retention", "confirmName": "Dren", "from": "review"])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("name=\"from\" value=\"review\""))
            let erased = try await browser.post(path, form: ["reason": "Past the retention period, no reason to keep",
                                                             "confirmName": "Dren Gashi", "from": "review"])
            #expect(erased.status == .seeOther && erased.location == "/retention-review")
            #expect(try await PersonModel.find(cast.dren, on: app.db) == nil)
            let list = try await browser.get("/retention-review")
            #expect(list.text.contains("The person was erased") && list.text.contains("3 people past the retention period"))
            // Erasure from a person's own page still goes back to the people list.
            let other = try await browser.post("/people/\(cast.former.path)/erase", form: ["reason": "Asked", "confirmName": "Vjosa Hoxha"])
            #expect(other.location == "/people")
        }
    }

    @Test func aDecisionGoesWithTheErasedPerson() async throws {
        try await withRoundtable { app in
            let cast = try await Self.cast(app)
            try await SiteSettings(database: app.db).setRetentionPeriod(months: 24, by: .commandLine)
            _ = try await RetentionReview(database: app.db).keep(cast.agim, reason: "Agim Berisha runs the youth centre", by: .commandLine)
            _ = try await Erasure(database: app.db).erase(cast.agim, reason: "Asked", confirmName: "Agim Berisha", by: .commandLine)
            #expect(try await RetentionDecisionModel.query(on: app.db).count() == 0)
            let entry = try #require(try await app.auditEntries(action: .retentionKeep).first)
            #expect(entry.changes == [FieldChange(field: "reason", from: nil, to: "erased")], "the reason named them")
        }
    }

    @Test func anAdministratorSetsThePeriodAtTheFieldAndEachChangeIsAudited() async throws {
        try await withRoundtable { app in
            _ = try await Self.cast(app)
            try await app.addUser("james@ico.example", role: .admin)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let settings = try await admin.get("/settings")
            #expect(settings.text.contains("<option value selected>Off — no one is listed for review</option>"))
            #expect(settings.text.contains("<option value=\"24\">24 months</option>") && settings.text.contains("href=\"/retention-review\""))
            let off = try await admin.get("/retention-review")
            #expect(off.status == .ok && off.text.contains("No retention period is set"))

            let wrong = try await admin.post("/settings", form: ["defaultLanguage": "", "smallNumberThreshold": "5", "retentionMonths": "25"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("id=\"f-retentionMonths-error\""))
            #expect(try await SiteSettings(database: app.db).retentionPeriod() == nil)

            #expect(try await admin.post("/settings", form: ["defaultLanguage": "", "smallNumberThreshold": "5", "retentionMonths": "24"]).status == .seeOther)
            #expect(try await SiteSettings(database: app.db).retentionPeriod()?.months == 24)
            #expect(try await admin.get("/settings").text.contains("<option value=\"24\" selected>24 months</option>"))
            // A form without the period leaves it as it is.
            #expect(try await admin.post("/settings", form: ["defaultLanguage": ""]).status == .seeOther)
            #expect(try await SiteSettings(database: app.db).retentionPeriod()?.months == 24)
            #expect(try await admin.post("/settings", form: ["defaultLanguage": "", "retentionMonths": ""]).status == .seeOther)
            #expect(try await SiteSettings(database: app.db).retentionPeriod() == nil)

            let changes = try await app.auditEntries(action: .update).filter { $0.recordType == "settings" }.flatMap(\.changes)
                .filter { $0.field == "retentionMonths" }
            #expect(Set(changes.map { "\($0.from ?? "off")→\($0.to ?? "off")" }) == ["off→24", "24→off"])
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            await #expect(throws: DomainError.forbidden) {
                try await SiteSettings(database: app.db).setRetentionPeriod(months: 24, by: .user(officer))
            }
            await #expect(throws: DomainError.invalid(field: "retentionMonths", "field.notAChoice")) {
                try await SiteSettings(database: app.db).setRetentionPeriod(months: 7, by: .commandLine)
            }
        }
    }

    @Test func withNoOnePastThePeriodThePageSaysSoAndThePeriod() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let (_, browser) = try await Self.coordinatorSignedIn(app, months: 36)
            let page = try await browser.get("/retention-review")
            #expect(page.text.contains("No one is past the retention period of 36 months.") && page.text.contains("0 people past the retention period"))
            #expect(!page.text.contains("Change the retention period"), "only administrators change it")
        }
    }
}
