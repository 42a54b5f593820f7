import Foundation

/// An identity as the text Fluent stores on SQLite ("F2783AD9-18E4-…", upper case), written by hand:
/// Foundation's `uuidString` formats through `snprintf`, which was a visible share of a large import.
public enum UUIDText {
    private static let digits = Array("0123456789ABCDEF".utf8)

    public static func upperCase(_ uuid: UUID) -> String {
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
}

extension UUID {
    /// A random (version 4) identity from the system's generator. Foundation's `UUID()` opens and reads
    /// `/dev/urandom` each time on Linux, a visible share of writing 100,000 imported people.
    public static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        var bytes = (high.bigEndian, low.bigEndian)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = (raw[6] & 0x0F) | 0x40  // version 4
            raw[8] = (raw[8] & 0x3F) | 0x80  // RFC 4122 variant
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }
}
