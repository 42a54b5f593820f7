import Domain
import Features
import Foundation
import Vapor

/// The capture a request carries, if it carries one: the API's `Idempotency-Key` header over its JSON
/// body, or a form's `capture` field over its other fields. Its content is made canonical (keys sorted,
/// the CSRF token left out) so that a resend of the same thing has the same fingerprint.
enum CaptureRequest {
    static let header = "Idempotency-Key"
    static let field = "capture"

    /// The API's capture: each top-level field of the JSON body as compact JSON with sorted keys.
    static func api(_ req: Request) throws -> Capture? {
        guard let key = req.headers.first(name: header) else { return nil }
        var fields: [String: String] = [:]
        if let body = req.body.data, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] {
            for (name, value) in object {
                let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
                fields[name] = data.map { String(decoding: $0, as: UTF8.self) } ?? ""
            }
        }
        return try Capture.make(key: key, fields: fields, field: header)
    }

    /// A form's capture: its fields as typed (repeated ones in their order, one a line). The key is the form's
    /// `capture` field, or — for a small form kept on a device and sent later — the `Idempotency-Key` header.
    static func form(_ req: Request) throws -> Capture? {
        guard req.headers.contentType == .urlEncodedForm, let body = req.body.string else { return nil }
        let pairs = formPairs(body)
        let typed = pairs.first(where: { $0.0 == field })?.1 ?? ""
        guard let key = typed.isEmpty ? req.headers.first(name: header) : typed else { return nil }
        var fields: [String: String] = [:]
        for (name, value) in pairs where name != field && name != CSRFMiddleware.field {
            fields[name] = fields[name].map { $0 + "\n" + value } ?? value
        }
        return try Capture.make(key: key, fields: fields, field: field)
    }

    /// `application/x-www-form-urlencoded` as browsers write it: `+` for a space, then percent-escapes.
    static func formPairs(_ body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
