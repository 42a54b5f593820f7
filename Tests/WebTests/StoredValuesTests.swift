import Domain
import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
@testable import Web

/// Models hold the domain's enums and `Day`s where they used to hold text, and the columns did not change:
/// an enum is stored as its raw value and a day as its ISO text, on SQLite and on PostgreSQL alike. For every
/// such column: text written with SQL (as a database from before holds it) reads back through the model, the
/// model writes exactly that text, and a query filtered by the typed value finds the row.
@Suite("Typed columns keep the text they always stored")
struct StoredValuesTests {
    @Test func everyEnumAndDayColumnReadsAndWritesItsStoredText() async throws {
        try await withRoundtable { app in
            // The demo writes a row into every table checked here, through the use cases.
            try await DemoData(database: app.db, hasher: app.roundtable.hasher, photos: app.roundtable.photos).load()
            let db = app.db

            try await roundTrip(PersonModel.self, "sensitivity", \.sensitivity, cases(Sensitivity.self), on: db)
            try await roundTrip(PersonModel.self, "gender", \.gender, optional(cases(Gender.self)), on: db)
            try await roundTrip(PersonModel.self, "lawful_basis", \.lawfulBasis, cases(LawfulBasis.self), on: db)
            try await roundTrip(PersonModel.self, "consent_stored", \.consentStored, cases(ConsentAnswer.self), on: db)
            try await roundTrip(PersonModel.self, "consent_named", \.consentNamed, cases(ConsentAnswer.self), on: db)
            try await roundTrip(PersonModel.self, "consent_quoted", \.consentQuoted, cases(ConsentAnswer.self), on: db)
            try await roundTrip(PersonModel.self, "consent_photographed", \.consentPhotographed, cases(ConsentAnswer.self), on: db)
            try await roundTrip(ConsentEventModel.self, "obtained_on", \.obtainedOn, optional(days), on: db)
            try await roundTrip(OrganizationModel.self, "kind", \.kind, cases(OrganizationKind.self), on: db)
            try await roundTrip(OrganizationModel.self, "level", \.level, optional(cases(GovernanceLevel.self)), on: db)
            try await roundTrip(PlaceModel.self, "kind", \.kind, cases(PlaceKind.self), on: db)
            try await roundTrip(CommunityModel.self, "status", \.status, cases(CommunityStatus.self), on: db)
            try await roundTrip(PositionModel.self, "starts_on", \.startsOn, optional(days), on: db)
            try await roundTrip(PositionModel.self, "ends_on", \.endsOn, optional(days), on: db)
            try await roundTrip(UserModel.self, "role", \.role, cases(Role.self), on: db)
            try await roundTrip(AuditEntryModel.self, "action", \.action, cases(AuditAction.self), on: db)

            try await roundTrip(FieldVisitModel.self, "starts_on", \.startsOn, days, on: db)
            try await roundTrip(FieldVisitModel.self, "ends_on", \.endsOn, days, on: db)
            try await roundTrip(FieldVisitModel.self, "status", \.status, cases(VisitStatus.self), on: db)
            try await roundTrip(EngagementModel.self, "confidentiality", \.confidentiality, cases(Confidentiality.self), on: db)
            try await roundTrip(EngagementOrganizationModel.self, "role", \.role, cases(EngagementOrganizationRole.self), on: db)
            try await roundTrip(ParticipationModel.self, "part", \.part, cases(ParticipantPart.self), on: db)
            try await roundTrip(FollowUpModel.self, "due_on", \.dueOn, optional(days), on: db)
            try await roundTrip(FollowUpModel.self, "status", \.status, cases(FollowUpStatus.self), on: db)
            try await roundTrip(PhotoModel.self, "kind", \.kind, cases(ImageFile.Kind.self), on: db)

            try await roundTrip(ContextEventModel.self, "kind", \.kind, cases(ContextEventKind.self), on: db)
            try await roundTrip(ContextEventModel.self, "severity", \.severity, cases(Severity.self), on: db)
            try await roundTrip(ContextEventModel.self, "starts_on", \.startsOn, days, on: db)
            try await roundTrip(ContextEventModel.self, "ends_on", \.endsOn, days, on: db)
            try await roundTrip(ContextEventModel.self, "confidentiality", \.confidentiality, cases(Confidentiality.self), on: db)

            try await roundTrip(AgreementModel.self, "kind", \.kind, cases(AgreementKind.self), on: db)
            try await roundTrip(AgreementModel.self, "signed_on", \.signedOn, optional(days), on: db)
            try await roundTrip(AgreementModel.self, "valid_until", \.validUntil, optional(days), on: db)
            try await roundTrip(AgreementModel.self, "status", \.status, cases(AgreementStatus.self), on: db)
            try await roundTrip(AgreementModel.self, "confidentiality", \.confidentiality, cases(Confidentiality.self), on: db)
            try await roundTrip(AgreementPartyModel.self, "part", \.part, cases(PartyPart.self), on: db)
            try await roundTrip(AgreementStatusChangeModel.self, "status", \.status, cases(AgreementStatus.self), on: db)
            try await roundTrip(AgreementStatusChangeModel.self, "effective_on", \.effectiveOn, days, on: db)
            try await roundTrip(AgreementEngagementModel.self, "link", \.link, cases(AgreementEngagementLink.self), on: db)

            try await roundTrip(WorkingGroupModel.self, "confidentiality", \.confidentiality, cases(Confidentiality.self), on: db)
            try await roundTrip(WorkingGroupMemberModel.self, "part", \.part, cases(MemberPart.self), on: db)
            try await roundTrip(WorkingGroupMemberModel.self, "starts_on", \.startsOn, optional(days), on: db)
            try await roundTrip(WorkingGroupMemberModel.self, "ends_on", \.endsOn, optional(days), on: db)
            try await roundTrip(DeliverableModel.self, "kind", \.kind, cases(DeliverableKind.self), on: db)
            try await roundTrip(DeliverableModel.self, "due_on", \.dueOn, optional(days), on: db)
            try await roundTrip(DeliverableModel.self, "status", \.status, cases(DeliverableStatus.self), on: db)

            try await roundTrip(RecommendationModel.self, "level", \.level, optional(cases(GovernanceLevel.self)), on: db)
            try await roundTrip(RecommendationModel.self, "status", \.status, cases(RecommendationStatus.self), on: db)
            try await roundTrip(RecommendationModel.self, "confidentiality", \.confidentiality, cases(Confidentiality.self), on: db)
            try await roundTrip(RecommendationStatusChangeModel.self, "status", \.status, cases(RecommendationStatus.self), on: db)
            try await roundTrip(RecommendationStatusChangeModel.self, "effective_on", \.effectiveOn, days, on: db)
            try await roundTrip(CoordinationActivityModel.self, "starts_on", \.startsOn, optional(days), on: db)
            try await roundTrip(CoordinationActivityModel.self, "ends_on", \.endsOn, optional(days), on: db)
            try await roundTrip(StakeholderAssessmentModel.self, "assessed_on", \.assessedOn, days, on: db)
            try await roundTrip(StakeholderAssessmentModel.self, "stance", \.stance, cases(StakeholderStance.self), on: db)
        }
    }

    /// Each value with the text it is stored as.
    typealias Stored<Value> = [(value: Value, text: String?)]

    func cases<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> Stored<E> where E.RawValue == String {
        E.allCases.map { ($0, $0.rawValue) }
    }

    var days: Stored<Day> { ["2023-08-07", "1999-12-31", "2024-02-29"].map { (Day($0)!, $0) } }

    func optional<V>(_ values: Stored<V>) -> Stored<V?> { values.map { (Optional($0.value), $0.text) } + [(nil, nil)] }

    /// Takes one row of the table through every value: written as text with SQL, read through the model; then the
    /// model writes the next value and SQL reads its text.
    func roundTrip<M: Model, V: Codable & Equatable & Sendable>(
        _ model: M.Type, _ column: String, _ field: ReferenceWritableKeyPath<M, V>, _ values: Stored<V>, on db: any Database,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws where M.IDValue == UUID {
        let place = "\(M.schema).\(column)"
        let row = try #require(try await M.query(on: db).first(), "\(place): the demo wrote no row", sourceLocation: sourceLocation)
        let id = try #require(row.id)
        let sql = db.sql
        for (index, stored) in values.enumerated() {
            try await sql.raw("UPDATE \(ident: M.schema) SET \(ident: column) = \(bind: stored.text) WHERE id = \(bind: id)").run()
            let read = try #require(try await M.find(id, on: db))
            #expect(read[keyPath: field] == stored.value, "\(place): \(stored.text ?? "NULL") reads back", sourceLocation: sourceLocation)
            // As Fluent binds a typed filter (`\.$status == .open`); `.null` renders IS NULL.
            let value: DatabaseQuery.Value = stored.text == nil ? .null : .bind(stored.value)
            let found = try await M.query(on: db).filter(.path([.id], schema: M.schema), .equal, .bind(id))
                .filter(.path([FieldKey(stringLiteral: column)], schema: M.schema), .equal, value).count()
            #expect(found == 1, "\(place): filtering by \(stored.text ?? "NULL") finds the row", sourceLocation: sourceLocation)

            let next = values[(index + 1) % values.count]
            read[keyPath: field] = next.value
            try await read.update(on: db)
            let text = try await sql.raw("SELECT \(ident: column) AS v FROM \(ident: M.schema) WHERE id = \(bind: id)").first()?
                .decode(column: "v", as: String?.self)
            #expect(text == next.text, "\(place): the model writes \(next.text ?? "NULL")", sourceLocation: sourceLocation)
        }
    }
}
