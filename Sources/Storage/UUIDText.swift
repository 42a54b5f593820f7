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
