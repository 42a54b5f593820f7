import Crypto
import Foundation

/// A SHA-256 digest as lowercase hex, the form the database keeps of session and API tokens, recovery codes
/// and captures. Written a byte at a time: `String(format: "%02x")` per byte, as it was, goes through
/// Foundation's format parser on Linux and was 7 % of a signed-in request's time (`perf`, `/healthz`).
enum SHA256Hex {
    static func of(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
