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
            throw Abort(.unsupportedMediaType, reason: "Send the body as application/json.")
        }
        if req.body.data == nil { _ = try await req.body.collect(max: 1024 * 1024).get() }
        guard let buffer = req.body.data, buffer.readableBytes > 0 else {
            throw WebError.badRequest("The body is empty; send a JSON object.")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw error
        } catch {
            throw WebError.badRequest("The body is not valid JSON.")
        }
    }
}

/// The `If-Match` header as a version number. `*` means "whatever is current".
enum IfMatch {
    enum Value: Equatable { case absent, any, version(Int), unparseable }

    static func parse(_ req: Request) -> Value {
        guard let raw = req.headers.first(name: .ifMatch)?.trimmingCharacters(in: .whitespaces) else { return .absent }
        if raw == "*" { return .any }
        let unquoted = raw.replacingOccurrences(of: "W/", with: "").trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        return Int(unquoted).map(Value.version) ?? .unparseable
    }
}
