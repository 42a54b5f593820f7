import FluentSQLiteDriver
import Foundation

/// An identity read from and written to SQLite directly, as SQLite's own types are. Without this, sqlite-kit
/// decoded every identity through a `Decoder` and Foundation's `UUID(uuidString:)`, which parses with
/// `sscanf` — 7 % of the people list's time, and a share of every page that reads records. The text stored
/// is the same as before: Fluent's upper-case form (`UUIDText`). A 16-byte blob is read too, as SQLite's
/// own identities would be; anything else is not an identity and fails to decode, as it did.
extension UUID: @retroactive SQLiteDataConvertible {
    public init?(sqliteData: SQLiteData) {
        switch sqliteData {
        case .text(let text):
            guard let uuid = UUIDText.parse(text) else { return nil }
            self = uuid
        case .blob(let bytes) where bytes.readableBytes == 16:
            guard let raw = bytes.getBytes(at: bytes.readerIndex, length: 16) else { return nil }
            self.init(uuid: (raw[0], raw[1], raw[2], raw[3], raw[4], raw[5], raw[6], raw[7],
                             raw[8], raw[9], raw[10], raw[11], raw[12], raw[13], raw[14], raw[15]))
        default:
            return nil
        }
    }

    public var sqliteData: SQLiteData? { .text(UUIDText.upperCase(self)) }
}
