import Domain
import Foundation

/// What a device sent once: the identity it gave the capture when its form was opened, and the content
/// as sent (made canonical), whose fingerprint tells a resend from a changed resend.
///
/// As in ODK and Enketo, the identity is the device's, not the server's: sending the same capture again —
/// a dropped answer, a second tab, a retry after the connection returned — finds what the first send made.
public struct Capture: Sendable, Equatable {
    public var key: String
    /// Field → value as sent (the form's CSRF token left out), as JSON with sorted keys.
    public var content: String
    public var fingerprint: String { SHA256Hex.of(content) }

    public init(key: String, content: String) {
        self.key = key
        self.content = content
    }

    /// The identity may be any printable text a device makes (a UUID, ODK's `uuid:…`), up to 200 characters.
    public static func isValidKey(_ key: String) -> Bool {
        (1...200).contains(key.count) && key.unicodeScalars.allSatisfy { (0x21...0x7e).contains($0.value) }
    }

    /// A capture of the given key and fields, or an issue at the field that carried the key.
    public static func make(key: String, fields: [String: String], field: String) throws -> Capture {
        guard isValidKey(key) else { throw DomainError.invalid(field: field, "capture.keyInvalid") }
        return Capture(key: key, content: canonical(fields))
    }

    /// The refusal of a capture sent again after what it made was deleted (or erased, or is no longer the
    /// sender's to see): it is not made again.
    public static let deletedSince = "capture.deleted"

    public static func canonical(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
