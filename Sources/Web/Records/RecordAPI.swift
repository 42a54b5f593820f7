import Domain
import Features
import Foundation
import Vapor

/// What a record kind's API declares: the body it takes (merged over the record for a PATCH), the input it
/// makes, and the JSON it answers with. `RecordAPIActions` does the rest for every kind — get, create,
/// update with `If-Match` or a body `version`, delete, restore and history — with the same rules as the pages.
protocol RecordAPI: Sendable {
    associatedtype Kind: RecordKind
    associatedtype Body: VersionedBody
    associatedtype Output: Encodable

    static var resource: Resource { get }
    static var readAccess: Access { get }

    func kind(_ req: Request) throws -> Kind
    /// The input: the body over the current record (nil for a new one, when missing required fields are issues).
    func input(_ body: Body, over current: Kind.Record?, _ req: Request) async throws -> Kind.Input
    func output(_ record: Kind.Record) -> Output
}

/// The API of a kind with a list of its own at `.api(.list(resource))`. A kind with routes of its own
/// registers them and then `RecordAPIActions` itself.
protocol ListedRecordAPI: RecordAPI {
    func list(_ req: Request) async throws -> Response
}

extension ListedRecordAPI {
    func register(_ routes: any RoutesBuilder) {
        RecordAPIActions(self).register(routes, list: { try await list($0) })
    }
}

/// A request body carries the version an update started from, unless `If-Match` says it.
protocol VersionedBody: Decodable {
    var version: Int? { get }
}

extension RecordAPI {
    static var readAccess: Access { .permission(.readRecords) }
}

extension RecordAPI where Kind: LocalizedRecordKind {
    func kind(_ req: Request) -> Kind { Kind(database: req.db, language: req.localizer.tag) }
}

extension RecordAPI where Output == Kind.Record, Kind.Record: Encodable {
    func output(_ record: Kind.Record) -> Kind.Record { record }
}

/// Fields a new record must be given: each one missing is an issue at its field (422), all at once.
func requireFields(_ fields: [(String, Bool)]) throws {
    let issues = fields.filter { !$0.1 }.map { FieldIssue(field: $0.0, "field.required") }
    if !issues.isEmpty { throw DomainError.invalid(issues) }
}

/// The API's record actions for every kind. A deleted record answers only those who may restore it, as
/// on the pages (`RecordKind.find`); changing or deleting it again is not found for everyone.
struct RecordAPIActions<A: RecordAPI>: Sendable {
    let api: A

    init(_ api: A) { self.api = api }

    /// The record routes; with `list`, also the kind's list at its own address, which anyone who may read
    /// records may ask for (the kind leaves out what the reader may not see).
    func register(_ routes: any RoutesBuilder, list: (@Sendable (Request) async throws -> Response)? = nil) {
        let resource = A.resource, id = RouteParameter.id
        let read = A.readAccess, write = Access.permission(A.Kind.writePermission)
        if let list { routes.on(.GET, .api(.list(resource)), access: .permission(.readRecords), use: list) }
        routes.on(.POST, .api(.list(resource)), access: write, use: create)
        routes.on(.GET, .api(.record(resource, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(resource, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(resource, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(resource, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(resource, id, .history)), access: read, use: history)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(A.Body.self, from: req)
        // With `Idempotency-Key`, a resend answers with what the first send made (201 again, same record).
        let capture = try CaptureRequest.api(req)
        let record = try await api.kind(req).create(try await api.input(body, over: nil, req), by: req.actor, capture: capture)
        return try respond(record, status: .created, location: true)
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        try respond(try await api.kind(req).get(req.idParameter(), by: req.actor))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let kind = try api.kind(req)
        let body = try await APIJSON.decode(A.Body.self, from: req)
        let current = try await kind.getLive(id, by: req.actor)
        let input = try await api.input(body, over: current, req)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        return try respond(try await IfMatch.preconditioned(req) { try await kind.update(id, input, expectedVersion: expected, by: req.actor) })
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let kind = try api.kind(req)
        let current = try await kind.getLive(id, by: req.actor)
        try await kind.delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        try respond(try await api.kind(req).restore(req.idParameter(), by: req.actor))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await api.kind(req).history(req.idParameter(), by: req.actor).entries))
    }

    private func respond(_ record: A.Kind.Record, status: HTTPResponseStatus = .ok, location: Bool = false) throws -> Response {
        var headers: HTTPHeaders = ["ETag": IfMatch.tag(record.version)]
        if location { headers.add(name: "Location", value: SiteURL.api(.record(A.resource, record.id)).location) }
        return try APIJSON.response(api.output(record), status: status, headers: headers)
    }
}
