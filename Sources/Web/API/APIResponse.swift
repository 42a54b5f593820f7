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
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw error
        } catch {
            throw WebError.badRequest("error.body.notJSON")
        }
    }
}

/// The `If-Match` header as a version number. `*` means "whatever is current".
enum IfMatch {
    enum Value: Equatable { case absent, any, version(Int), unparseable }

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
struct APIListQuery {
    var page = 1
    var perPage = 50

    init(_ req: Request, issues: inout [FieldIssue]) {
        if let raw = try? req.query.get(String.self, at: "page") {
            if let value = Int(raw), (1...1_000_000).contains(value) { page = value } else { issues.append(FieldIssue(field: "page", "field.wrongType")) }
        }
        if let raw = try? req.query.get(String.self, at: "perPage") {
            if let value = Int(raw), (1...200).contains(value) { perPage = value } else { issues.append(FieldIssue(field: "perPage", "field.wrongType")) }
        }
    }

    /// `deleted=true|false`.
    static func flag(_ req: Request, _ name: String, issues: inout [FieldIssue]) -> Bool {
        guard let raw = try? req.query.get(String.self, at: name) else { return false }
        guard raw == "true" || raw == "false" else { issues.append(FieldIssue(field: name, "field.notAChoice")); return false }
        return raw == "true"
    }

    /// Free text (the name filter), at most 200 characters.
    static func text(_ req: Request, _ name: String, issues: inout [FieldIssue]) -> String? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard raw.unicodeScalars.count <= 200 else { issues.append(FieldIssue(field: name, "field.tooLong", "200")); return nil }
        return raw
    }

    static func uuid(_ req: Request, _ name: String, issues: inout [FieldIssue]) -> UUID? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard let id = UUID(uuidString: raw) else { issues.append(FieldIssue(field: name, "field.wrongType")); return nil }
        return id
    }

    /// `YYYY-MM-DD`.
    static func day(_ req: Request, _ name: String, issues: inout [FieldIssue]) -> Day? {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard let day = Day(raw) else { issues.append(FieldIssue(field: name, "date.invalid")); return nil }
        return day
    }

    static func choice<T: RawRepresentable>(_ req: Request, _ name: String, _ type: T.Type, issues: inout [FieldIssue]) -> T? where T.RawValue == String {
        guard let raw = try? req.query.get(String.self, at: name) else { return nil }
        guard let value = T(rawValue: raw) else { issues.append(FieldIssue(field: name, "field.notAChoice")); return nil }
        return value
    }
}

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
