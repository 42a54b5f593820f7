import Foundation

/// An identity as the text Fluent stores on SQLite ("F2783AD9-18E4-…", upper case), written by hand:
/// Foundation's `uuidString` formats through `snprintf`, which was a visible share of a large import.
public enum UUIDText {
    private static let upperDigits = Array("0123456789ABCDEF".utf8)
    private static let lowerDigits = Array("0123456789abcdef".utf8)

    public static func upperCase(_ uuid: UUID) -> String {
        write(uuid, digits: upperDigits)
    }

    /// As a record's address names it ("f2783ad9-18e4-…"): `uuidString.lowercased()` formatted and then
    /// copied it, for each of the hundred or more links of a list's page.
    public static func lowerCase(_ uuid: UUID) -> String {
        write(uuid, digits: lowerDigits)
    }

    private static func write(_ uuid: UUID, digits: [UInt8]) -> String {
        withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var out = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    buffer[out] = digits[Int(byte >> 4)]
                    buffer[out + 1] = digits[Int(byte & 0x0F)]
                    out += 2
                }
                return out
            }
        }
    }

    /// The identity written as text, in either case ("F2783AD9-18E4-…" as Fluent stores it on SQLite);
    /// nil when it is not 36 characters of that shape. Foundation's `UUID(uuidString:)` parses through
    /// `sscanf`, which was a third of the reach index's load (2.5 million identities at 100,000 people).
    public static func parse(_ text: String) -> UUID? {
        var text = text
        return text.withUTF8 { utf8 -> UUID? in
            guard utf8.count == 36 else { return nil }
            var uuid: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let parsed = withUnsafeMutableBytes(of: &uuid) { bytes -> Bool in
                var at = 0
                for index in 0 ..< 16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        guard utf8[at] == UInt8(ascii: "-") else { return false }
                        at += 1
                    }
                    guard let high = nibble(utf8[at]), let low = nibble(utf8[at + 1]) else { return false }
                    bytes[index] = high << 4 | low
                    at += 2
                }
                return true
            }
            return parsed ? UUID(uuid: uuid) : nil
        }
    }

    private static func nibble(_ ascii: UInt8) -> UInt8? {
        switch ascii {
        case UInt8(ascii: "0") ... UInt8(ascii: "9"): ascii - UInt8(ascii: "0")
        case UInt8(ascii: "A") ... UInt8(ascii: "F"): ascii - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a") ... UInt8(ascii: "f"): ascii - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

extension UUID {
    /// A time-ordered identity (RFC 9562, version 7): the milliseconds since 1970 first, then random bits.
    /// Rows written together get neighbouring keys, so SQLite adds to the end of each index on identities
    /// (the record's own, its audit entries', its name words' and search document's) instead of to pages
    /// all over it: an import of 100,000 people spent a quarter less time in SQLite. The identity tells when
    /// the record was made, to the millisecond — which its history shows anyway to whoever may see it.
    public static func timeOrdered(at date: Date = Date()) -> UUID {
        var generator = SystemRandomNumberGenerator()
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let random = generator.next() as UInt64
        let high = milliseconds << 16 | 0x7000 | (random >> 52)  // 48 bits of time, version 7, 12 random bits
        let low = (generator.next() as UInt64) & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC variant
        var bytes = (high.bigEndian, low.bigEndian)
        return withUnsafeBytes(of: &bytes) { UUID(uuid: $0.load(as: uuid_t.self)) }
    }
}
