import Domain
import FluentKit
import Foundation
import Storage

/// The web's staged import: upload → map columns → check → decide duplicates → confirm. The file is kept
/// (only its owner sees it) so each step can re-check it; confirming writes it in the background, in one
/// transaction, while a progress page follows `ImportProgress`.
public struct ImportBatches: Sendable {
    /// Each step checks, and confirming writes, through the command line's import.
    let imports: Imports
    public var database: any Database { imports.database }

    public init(database: any Database, language: String = "en", timeZone: String = "UTC") {
        imports = Imports(database: database, language: language, timeZone: timeZone)
    }

    public enum Status: String, Sendable { case staged, running, done, failed }

    public struct Batch: Sendable {
        public var id: UUID
        public var kind: ImportKind
        public var fileName: String
        public var status: Status
        public var table: CSVReader.Table
        public var mapping: ImportMapping
        public var decisions: ImportDecisions
        public var created: Int?
        public var merged: Int?
        public var failure: String?
        public var createdAt: Date
    }

    public struct Summary: Sendable {
        public var id: UUID
        public var kind: ImportKind
        public var fileName: String
        public var status: Status
        public var createdAt: Date
    }

    /// Keeps an uploaded file, with a first guess at its columns. A file that cannot be read is refused here.
    public func stage(kind: String, fileName: String, bytes: [UInt8], by actor: Actor, now: Date = Date()) async throws -> UUID {
        try actor.require(.writeRecords)
        guard let userID = actor.userID else { throw DomainError.notAllowed("import") }
        var v = Validator()
        let kind = v.choice(kind, ImportKind.self, "kind")
        v.check(!bytes.isEmpty, "file", "field.required")
        try v.throwIfInvalid()
        let table = try Imports.table(bytes)
        let model = ImportBatchModel()
        model.id = UUID()
        model.userID = userID
        model.kind = kind!.rawValue
        model.fileName = String(fileName.suffix(200))
        model.content = String(decoding: bytes, as: UTF8.self)
        model.mappingJSON = try Self.json(ImportMapping.guess(header: table.header, kind: kind!))
        model.decisionsJSON = try Self.json(ImportDecisions())
        model.status = Status.staged.rawValue
        model.createdAt = now
        model.updatedAt = now
        try await model.create(on: database)
        // Files left unimported for a week are dropped: they hold people's details and nobody needs them.
        try await ImportBatchModel.query(on: database).filter(\.$userID == userID).filter(\.$status != Status.running.rawValue)
            .filter(\.$updatedAt < now.addingTimeInterval(-7 * 24 * 3600)).delete()
        return model.id!
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> Batch {
        let model = try await find(id, by: actor)
        let table = try Imports.table(Array(model.content.utf8))
        return Batch(id: id, kind: ImportKind(rawValue: model.kind) ?? .people, fileName: model.fileName, status: Status(rawValue: model.status) ?? .failed,
                     table: table, mapping: try Self.decode(model.mappingJSON), decisions: try Self.decode(model.decisionsJSON),
                     created: model.createdCount, merged: model.mergedCount, failure: model.failure, createdAt: model.createdAt)
    }

    public func recent(by actor: Actor, limit: Int = 10) async throws -> [Summary] {
        guard let userID = actor.userID else { return [] }
        return try await ImportBatchModel.query(on: database).filter(\.$userID == userID).sort(\.$createdAt, .descending).limit(limit)
            .field(\.$id).field(\.$kind).field(\.$fileName).field(\.$status).field(\.$createdAt).all()
            .map { Summary(id: $0.id!, kind: ImportKind(rawValue: $0.kind) ?? .people, fileName: $0.fileName, status: Status(rawValue: $0.status) ?? .failed,
                           createdAt: $0.createdAt) }
    }

    public func check(_ batch: Batch, by actor: Actor) async throws -> ImportPlan {
        try await imports.check(batch.kind, table: batch.table, mapping: batch.mapping, by: actor)
    }

    public func setMapping(_ id: UUID, fields: [String?], by actor: Actor, now: Date = Date()) async throws {
        let model = try await find(id, by: actor, staged: true)
        var padded = fields
        let columns = try Imports.table(Array(model.content.utf8)).header.count
        padded = Array((padded + Array(repeating: nil, count: max(0, columns - padded.count))).prefix(columns))
        model.mappingJSON = try Self.json(ImportMapping(fields: padded.map { $0?.isEmpty == true ? nil : $0 }))
        model.updatedAt = now
        try await model.update(on: database)
    }

    public func decide(_ id: UUID, byRow: [Int: DuplicateDecision], forAll: DuplicateDecision?, by actor: Actor, now: Date = Date()) async throws {
        let model = try await find(id, by: actor, staged: true)
        var decisions: ImportDecisions = try Self.decode(model.decisionsJSON)
        decisions.byRow.merge(byRow) { _, new in new }
        if let forAll { decisions.forAll = forAll }
        model.decisionsJSON = try Self.json(decisions)
        model.updatedAt = now
        try await model.update(on: database)
    }

    /// Checks the file again and, when it is ready, writes it in the background. Returns at once.
    public func start(_ id: UUID, by actor: Actor, progress: ImportProgress) async throws {
        let batch = try await get(id, by: actor)
        guard batch.status == .staged else { throw DomainError.conflict(FieldIssue(field: "import", "import.notStaged")) }
        let plan = try await check(batch, by: actor)
        guard plan.isReady(batch.decisions) else {
            throw DomainError.invalid([FieldIssue(field: "file", plan.problems.isEmpty ? "import.undecided" : "import.notClean",
                                                  String(plan.problems.isEmpty ? plan.undecided(batch.decisions).count : plan.problems.count))])
        }
        try await setStatus(id, .running)
        await progress.begin(id, total: plan.rowCount)
        let imports = imports, database = database
        // Checking and writing thousands of rows computes for seconds: off the event loops (see `LongWork`).
        Task(executorPreference: LongWork.executor) {
            do {
                let result = try await imports.write(plan, decisions: batch.decisions, fileName: batch.fileName, by: actor) { done, total in
                    Task { await progress.update(id, done: done, total: total) }
                }
                try await ImportBatches(database: database).finish(id, result: result)
            } catch {
                try? await ImportBatches(database: database).fail(id, reason: String(describing: error).prefix(500).description)
            }
            await progress.end(id)
        }
    }

    /// A batch left "running" with no import under way was cut off by a restart: nothing was written.
    public func settleInterrupted(_ id: UUID, progress: ImportProgress) async throws {
        guard await progress.state(of: id) == nil, let model = try await ImportBatchModel.find(id, on: database), model.status == Status.running.rawValue else { return }
        model.status = Status.failed.rawValue
        model.failure = "interrupted"
        try await model.update(on: database)
    }

    func finish(_ id: UUID, result: ImportResult) async throws {
        guard let model = try await ImportBatchModel.find(id, on: database) else { return }
        model.status = Status.done.rawValue
        model.createdCount = result.created
        model.mergedCount = result.merged
        // The file has done its work; keep no personal data longer than needed.
        model.content = String(model.content.prefix(while: { $0 != "\n" && $0 != "\r" }))
        model.updatedAt = Date()
        try await model.update(on: database)
    }

    func fail(_ id: UUID, reason: String) async throws {
        guard let model = try await ImportBatchModel.find(id, on: database) else { return }
        model.status = Status.failed.rawValue
        model.failure = reason
        model.updatedAt = Date()
        try await model.update(on: database)
    }

    func setStatus(_ id: UUID, _ status: Status) async throws {
        guard let model = try await ImportBatchModel.find(id, on: database) else { return }
        model.status = status.rawValue
        model.updatedAt = Date()
        try await model.update(on: database)
    }

    func find(_ id: UUID, by actor: Actor, staged: Bool = false) async throws -> ImportBatchModel {
        try actor.require(.writeRecords)
        guard let model = try await ImportBatchModel.find(id, on: database), model.userID == actor.userID else { throw DomainError.notFound("import") }
        if staged, model.status != Status.staged.rawValue { throw DomainError.conflict(FieldIssue(field: "import", "import.notStaged")) }
        return model
    }

    static func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
    static func decode<T: Decodable>(_ json: String) throws -> T { try JSONDecoder().decode(T.self, from: Data(json.utf8)) }
}

/// How far each running import has come, for the progress page (in memory: an import runs in this process).
public actor ImportProgress {
    public struct State: Sendable, Equatable {
        public var done: Int
        public var total: Int

        public init(done: Int, total: Int) {
            self.done = done
            self.total = total
        }
    }

    private var states: [UUID: State] = [:]

    public init() {}

    public func begin(_ id: UUID, total: Int) { states[id] = State(done: 0, total: total) }
    /// Updates arrive from the writer in any order; progress only moves forward.
    public func update(_ id: UUID, done: Int, total: Int) {
        guard let current = states[id], done > current.done else { return }
        states[id] = State(done: done, total: total)
    }
    public func end(_ id: UUID) { states[id] = nil }
    public func state(of id: UUID) -> State? { states[id] }
}
