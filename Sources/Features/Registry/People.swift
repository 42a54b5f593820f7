import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The people in the record: finding, reading, adding, changing, deleting and restoring them.
/// Restricted people are invisible to roles that may not read them, on every one of these paths.
public struct People: Sendable {
    public let database: any Database
    /// The reader's language, for place names.
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "person"

    // MARK: Reading

    public struct Query: Sendable, Equatable {
        public var text: String?
        public var communityID: UUID?
        public var placeID: UUID?
        public var sensitivity: Sensitivity?
        public var includeDeleted = false
        public var sort: SortOrder = .name
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    public func list(_ query: Query, by actor: Actor, today: Day) async throws -> ListPage<PersonRow> {
        try actor.require(.readRecords)
        guard let sql = database as? any SQLDatabase else { throw DomainError.notAllowed("SQL database required") }
        let page = try await PeopleListQuery(sql: sql, query: query, actor: actor).page()
        let ids = page.items.map(\.id)
        let roles = try await PeopleListQuery.currentRoles(of: ids, today: today, sql: sql)
        let communities = try await PeopleListQuery.names(of: CommunityModel.schema, ids: Array(Set(page.items.compactMap(\.communityID))), sql: sql)
        return page.map { row in
            PersonRow(id: row.id, name: row.name, honorific: row.honorific, community: row.communityID.flatMap { communities[$0] },
                      sensitivity: row.sensitivity, currentRoles: roles[row.id] ?? [], deleted: row.isDeleted)
        }
    }

    /// One person, or not found — also when the actor may not see them, so that their existence is not revealed.
    public func get(_ id: UUID, by actor: Actor) async throws -> PersonRecord {
        let person = try await find(id, by: actor)
        return try await record(person)
    }

    public func page(_ id: UUID, by actor: Actor) async throws -> PersonPageData {
        let person = try await find(id, by: actor)
        let positions = try await Positions(database: database).of(personID: id, by: actor)
        let events = try await ConsentEventModel.query(on: database).filter(\.$person.$id == id)
            .sort(\.$recordedAt, .descending).all()
            .map { ConsentEvent(subject: $0.subject, value: $0.value, obtainedOn: $0.obtainedOn, method: $0.method, recordedAt: $0.recordedAt, recordedBy: $0.recordedBy) }
        return PersonPageData(person: try await record(person), positions: positions, consentHistory: events)
    }

    func find(_ id: UUID, by actor: Actor, includeDeleted: Bool = true, on db: (any Database)? = nil) async throws -> PersonModel {
        try actor.require(.readRecords)
        guard let person = try await PersonModel.find(id, on: db ?? database),
              actor.canSee(rawSensitivity: person.sensitivity),
              person.deletedAt == nil || (includeDeleted && actor.can(.restoreRecords))
        else { throw DomainError.notFound("person") }
        return person
    }

    /// Whether the actor may see this person at all (a live record, restricted only for those who may).
    func isVisible(_ id: UUID, to actor: Actor) async throws -> Bool {
        guard let person = try await PersonModel.find(id, on: database), person.deletedAt == nil else { return false }
        return actor.canSee(rawSensitivity: person.sensitivity)
    }

    func visible(to actor: Actor) -> QueryBuilder<PersonModel> {
        var builder = PersonModel.query(on: database)
        if !actor.canSee(.restricted) { builder = builder.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
        return builder
    }

    func record(_ person: PersonModel) async throws -> PersonRecord {
        let community = try await person.$community.get(on: database).map { RecordRef(id: $0.id!, name: $0.name) }
        var place: RecordRef?
        if let placeID = person.$place.id { place = try await Places(database: database, language: language).ref(placeID) }
        return person.record(community: community, place: place)
    }

    // MARK: Writing

    func nameEntry(_ person: PersonModel, otherNames: [String]) -> NameIndex.Entry {
        NameIndex.Entry(recordType: Self.recordType, id: person.id!, names: [person.name] + otherNames, sortName: person.sortName,
                        visibility: person.nameVisibility)
    }

    public func create(_ input: PersonInput, by actor: Actor, now: Date = Date()) async throws -> PersonRecord {
        try actor.require(.writeRecords)
        let valid = try input.validated()
        try requireWrite(valid.sensitivity, by: actor)
        let person = PersonModel()
        person.id = UUID()
        person.createdAt = now
        person.version = 1
        for use in ConsentUse.allCases { person.setConsent(use, ConsentAnswer.unknown.rawValue) }
        person.lawfulBasis = LawfulBasis.unknown.rawValue
        try await database.transaction { tx in
            try await checkReferences(input, on: tx, by: actor)
            let events = apply(valid, input: input, to: person, now: now)
            try await person.create(on: tx)
            try await record(events, valid, for: person, by: actor, now: now, on: tx)
            try await NameIndex.replace(nameEntry(person, otherNames: valid.otherNames), on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: person.id, recordLabel: person.name,
                                        changes: FieldChange.between([], person.auditFields), at: now, on: tx)
        }
        return try await record(person)
    }

    public func update(_ id: UUID, _ input: PersonInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> PersonRecord {
        try actor.require(.writeRecords)
        let valid = try input.validated()
        let person: PersonModel = try await database.transaction { tx in
            let person = try await find(id, by: actor, includeDeleted: false, on: tx)
            try requireWrite(Sensitivity(rawValue: person.sensitivity) ?? .restricted, by: actor)
            try requireWrite(valid.sensitivity, by: actor)
            try await checkReferences(input, on: tx, by: actor)
            try requireVersion(expectedVersion, current: person.version)
            let before = person.auditFields
            let events = apply(valid, input: input, to: person, now: now)
            let changes = FieldChange.between(before, person.auditFields)
            guard !changes.isEmpty else { return person }
            person.version += 1
            try await person.update(on: tx)
            try await record(events, valid, for: person, by: actor, now: now, on: tx)
            try await NameIndex.replace(nameEntry(person, otherNames: valid.otherNames), on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: person.name,
                                        changes: changes, at: now, on: tx)
            return person
        }
        return try await record(person)
    }

    /// Soft delete: the person disappears from lists and pages, and coordinators can restore them.
    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let person = try await find(id, by: actor, includeDeleted: false, on: tx)
            try requireWrite(Sensitivity(rawValue: person.sensitivity) ?? .restricted, by: actor)
            try await SoftDelete.delete(person, recordType: Self.recordType, expectedVersion: expectedVersion, by: actor, now: now, on: tx)
        }
    }

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> PersonRecord {
        try actor.require(.restoreRecords)
        let person: PersonModel = try await database.transaction { tx in
            let person = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(person, recordType: Self.recordType, by: actor, now: now, on: tx)
            return person
        }
        return try await record(person)
    }

    // MARK: Helpers

    func requireWrite(_ sensitivity: Sensitivity, by actor: Actor) throws {
        if sensitivity == .restricted, !actor.can(.writeRestricted) {
            throw DomainError.invalid(field: "sensitivity", "sensitivity.notAllowed")
        }
    }

    func checkReferences(_ input: PersonInput, on db: any Database, by actor: Actor) async throws {
        var v = Validator()
        if let id = input.communityID {
            let exists = try await CommunityModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "communityID", "reference.unknown")
        }
        if let id = input.placeID {
            let exists = try await PlaceModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "placeID", "reference.unknown")
        }
        try v.throwIfInvalid()
    }

    /// Copies the input onto the model; returns the basis and consent statements that changed.
    func apply(_ valid: PersonInput.Valid, input: PersonInput, to person: PersonModel, now: Date) -> [(String, String)] {
        person.name = valid.name
        person.sortName = NameFolding.fold(valid.name)
        person.otherNamesJSON = JSONList.encode(valid.otherNames)
        person.honorific = valid.honorific
        person.gender = valid.gender?.rawValue
        person.$community.id = input.communityID
        person.$place.id = input.placeID
        person.languagesJSON = JSONList.encode(valid.languages)
        person.emailsJSON = JSONList.encode(valid.emails)
        person.phonesJSON = JSONList.encode(valid.phones)
        person.notes = valid.notes
        person.sensitivity = valid.sensitivity.rawValue
        person.updatedAt = now
        var events: [(String, String)] = []
        if person.lawfulBasis != valid.lawfulBasis.rawValue {
            person.lawfulBasis = valid.lawfulBasis.rawValue
            events.append(("basis", valid.lawfulBasis.rawValue))
        }
        for use in ConsentUse.allCases {
            guard let answer = valid.consent[use], answer.rawValue != person.consentAnswer(use) else { continue }
            person.setConsent(use, answer.rawValue)
            events.append((use.rawValue, answer.rawValue))
        }
        return events
    }

    /// Appends the changed basis and consent statements to the person's history, with when and how
    /// they were obtained.
    func record(_ events: [(String, String)], _ valid: PersonInput.Valid, for person: PersonModel, by actor: Actor, now: Date, on db: any Database) async throws {
        for (subject, value) in events {
            try await ConsentEventModel(
                personID: person.id!, subject: subject, value: value, obtainedOn: valid.obtainedOn?.description, method: valid.method,
                recordedAt: now, recordedBy: actor.label
            ).create(on: db)
        }
    }
}
