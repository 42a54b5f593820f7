import Domain
import Features
import Foundation
import Vapor

/// JSON in and out of the API, with one date format (RFC 3339) and clear errors for bad bodies.
enum APIJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func response<T: Encodable>(_ value: T, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) throws -> Response {
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "application/json; charset=utf-8")
        return Response(status: status, headers: headers, body: .init(data: try encoder.encode(value)))
    }

    /// The body as `T`; 415 when it is not JSON, 400 when it does not parse, 422 naming the field otherwise.
    static func decode<T: Decodable>(_ type: T.Type, from req: Request) async throws -> T {
        guard let contentType = req.headers.contentType, contentType.type == "application", contentType.subType == "json" else {
            throw WebError.unsupportedMediaType
        }
        if req.body.data == nil { _ = try await req.body.collect(max: 1024 * 1024).get() }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw WebError.badRequest("error.body.empty")
        }
        let data = Data(buffer.readableBytesView)
        let value: T
        do {
            value = try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw error
        } catch {
            throw WebError.badRequest("error.body.notJSON")
        }
        try refuseEmptyDays(in: data)
        return value
    }

    /// A day is a day or `null` (the API document says so): `"dueOn": ""` is refused at its field rather
    /// than read as no day, as a form's empty field is. Days are the fields named `…On`.
    static func refuseEmptyDays(in data: Data) throws {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        let empty = object.filter { key, value in key.hasSuffix("On") && (value as? String)?.trimmingWhitespace().isEmpty == true }
        if !empty.isEmpty { throw DomainError.invalid(empty.keys.sorted().map { FieldIssue(field: $0, "date.invalid") }) }
    }
}

/// The `If-Match` header as a version number. `*` means "whatever is current".
enum IfMatch {
    enum Value: Equatable { case absent, any, version(Int), unparseable }

    /// The entity tag a response carries for a record's version, the form `parse` reads back: `"3"`.
    static func tag(_ version: Int) -> String { "\"\(version)\"" }

    static func parse(_ req: Request) -> Value {
        guard let raw = req.headers.first(name: .ifMatch)?.trimmingCharacters(in: .whitespaces) else { return .absent }
        if raw == "*" { return .any }
        // An entity tag is quoted (RFC 9110 §8.8.3), optionally weak: "3" or W/"3". A bare 3 is not one.
        let tag = raw.hasPrefix("W/") ? String(raw.dropFirst(2)) : raw
        guard tag.count >= 3, tag.hasPrefix("\""), tag.hasSuffix("\"") else { return .unparseable }
        let digits = tag.dropFirst().dropLast()
        guard digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .unparseable }
        return Int(digits).map(Value.version) ?? .unparseable
    }

    /// The version an update starts from: `If-Match` or the body's `version`; neither is refused (428).
    /// The use case compares it, after validating the input, so that bad input is reported as such.
    static func expectedVersion(_ req: Request, bodyVersion: Int?, current: Int) throws -> Int {
        if let bodyVersion, !(0...Int(Int32.max)).contains(bodyVersion) {
            throw DomainError.invalid(field: "version", "field.wrongType")
        }
        switch parse(req) {
        case .version(let version): return version
        case .any: return current
        case .unparseable: throw WebError.preconditionMalformed
        case .absent:
            guard let version = bodyVersion else { throw DomainError.versionRequired }
            return version
        }
    }

    /// Runs an update; a stale version given in `If-Match` answers 412 (a stale body `version`, 409).
    static func preconditioned<T>(_ req: Request, _ update: () async throws -> T) async throws -> T {
        do {
            return try await update()
        } catch DomainError.versionConflict(let current) {
            if case .version = parse(req) { throw WebError.preconditionFailed(current: current) }
            throw DomainError.versionConflict(current: current)
        }
    }

    /// For deletes the version is optional: a given one must be current.
    static func optionalVersion(_ req: Request, current: Int) throws -> Int? {
        switch parse(req) {
        case .version(let version):
            guard version == current else { throw WebError.preconditionFailed(current: current) }
            return version
        case .any, .absent: return nil
        case .unparseable: throw WebError.preconditionMalformed
        }
    }
}

/// Paging and list parameters as the API takes them; bad values are the client's mistake (422).
/// Each reader notes what is wrong and goes on, so one answer names every bad parameter; `check()` (or
/// `paged(_:)`) then throws them together. Every list endpoint reads its query string through this one type.
struct APIListQuery {
    private let req: Request
    private(set) var issues: [FieldIssue] = []
    private(set) var page = 1
    private(set) var perPage = 50

    /// - Parameter paged: false for a list that is not paged, so `page` and `perPage` are not read at all.
    init(_ req: Request, paged: Bool = true) {
        self.req = req
        guard paged else { return }
        page = number("page", in: 1...1_000_000) ?? page
        perPage = number("perPage", in: 1...200) ?? perPage
    }

    private mutating func number(_ name: String, in range: ClosedRange<Int>) -> Int? {
        read(name, "field.wrongType") { Int($0).flatMap { range.contains($0) ? $0 : nil } }
    }

    /// The parameter parsed, nil when it is absent; nil with an issue (`problem` on the parameter) when it
    /// does not parse.
    private mutating func read<T>(_ name: String, _ problem: String, _ arguments: [String] = [],
                                  parse: (String) -> T?) -> T? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard let value = parse(raw) else {
            var issue = FieldIssue(field: name, problem)
            issue.arguments = arguments
            issues.append(issue)
            return nil
        }
        return value
    }

    mutating func note(_ issue: FieldIssue) { issues.append(issue) }

    /// `deleted=true|false`.
    mutating func flag(_ name: String) -> Bool {
        read(name, "field.notAChoice") { ["true": true, "false": false][$0] } ?? false
    }

    /// Free text (the name filter), at most 200 characters.
    mutating func text(_ name: String) -> String? {
        read(name, "field.tooLong", ["200"]) { $0.unicodeScalars.count <= 200 ? $0 : nil }
    }

    mutating func uuid(_ name: String) -> UUID? { read(name, "field.wrongType") { UUID(uuidString: $0) } }

    /// `YYYY-MM-DD`.
    mutating func day(_ name: String) -> Day? { read(name, "date.invalid") { Day($0) } }

    mutating func choice<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == String {
        read(name, "field.notAChoice") { T(rawValue: $0) }
    }

    /// Throws every issue noted, as one invalid request.
    func check() throws {
        if !issues.isEmpty { throw DomainError.invalid(issues) }
    }

    /// The query with this request's page on it, once every parameter has checked out.
    func paged<Query: APIPagedQuery>(_ query: Query) throws -> Query {
        try check()
        var query = query
        query.page = page
        query.perPage = perPage
        return query
    }
}

/// A Features list query that is read a page at a time.
protocol APIPagedQuery {
    var page: Int { get set }
    var perPage: Int { get set }
}

extension People.Query: APIPagedQuery {}
extension Organizations.Query: APIPagedQuery {}
extension Positions.ListQuery: APIPagedQuery {}
extension Agreements.Query: APIPagedQuery {}
extension Engagements.Query: APIPagedQuery {}
extension Recommendations.Query: APIPagedQuery {}
extension ContextEvents.Query: APIPagedQuery {}

struct APIPage<Item: Encodable & Sendable>: Encodable {
    var items: [Item]
    var page: Int
    var perPage: Int
    var total: Int
    var totalIsAtLeast: Bool
    var hasMore: Bool

    init(_ page: ListPage<Item>) {
        items = page.items
        self.page = page.page
        perPage = page.perPage
        total = page.total
        totalIsAtLeast = page.totalIsAtLeast
        hasMore = page.hasMore
    }
}

/// JSON dates: a form's empty date field means "none", but in the API a date is a day or null, and "" is a mistake.
enum APIDays {
    static func requireDaysOrNull(_ fields: [(String, String?)]) throws {
        let empty = fields.filter { $0.1 != nil && $0.1!.trimmingCharacters(in: .whitespaces).isEmpty }.map(\.0)
        guard empty.isEmpty else { throw DomainError.invalid(empty.map { FieldIssue(field: $0, "date.invalid") }) }
    }
}
