import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP, HMAC-SHA1, six digits, 30-second steps),
/// as authenticator apps compute them from a shared secret.
///
/// It lives in Features rather than Domain because it needs HMAC (swift-crypto), which Domain does not import.
public struct TOTP: Sendable, Equatable {
    public var secret: [UInt8]
    public var digits: Int
    public var period: Double

    public init(secret: [UInt8], digits: Int = 6, period: Double = 30) {
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// 20 random bytes (160 bits, the length RFC 4226 recommends for HMAC-SHA1).
    public static func generateSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The time step a moment falls in: whole periods since 1970.
    public func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// The code for one time step (RFC 4226 §5.3, dynamic truncation), zero-padded.
    public func code(forStep step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    public func code(at date: Date) -> String { code(forStep: step(at: date)) }

    /// The step a typed code belongs to, within one step of drift either way, or nil.
    /// A code of a step at or before `after` is refused: a code is never accepted twice, and
    /// neither is an older one once a newer has been used.
    public func matchingStep(_ typed: String, at date: Date, drift: Int64 = 1, after lastUsed: Int64?) -> Int64? {
        let cleaned = typed.filter { !$0.isWhitespace && $0 != "-" }
        guard cleaned.count == digits, cleaned.allSatisfy(\.isASCII), cleaned.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: date)
        for candidate in (now - drift)...(now + drift) {
            if let lastUsed, candidate <= lastUsed { continue }
            // Compared in full, not stopping at the first differing digit.
            let expected = Array(code(forStep: candidate).utf8)
            let given = Array(cleaned.utf8)
            var difference: UInt8 = 0
            for (a, b) in zip(expected, given) { difference |= a ^ b }
            if difference == 0 { return candidate }
        }
        return nil
    }

    /// The address an authenticator app reads from the QR code (the Key URI format of Google Authenticator,
    /// which the others follow).
    public static func provisioningURI(secret: [UInt8], account: String, issuer: String = "Roundtable") -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@+")
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: ":"))) ?? account
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed) ?? issuer
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParameter)"
    }
}

/// RFC 4648 base32 (A–Z, 2–7), as authenticator apps take secrets. Encoded without padding.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    public static func encode(_ bytes: [UInt8]) -> String {
        var output = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return output
    }

    /// Lenient on what people type: case, spaces, dashes and padding are ignored. Nil for anything else.
    public static func decode(_ text: String) -> [UInt8]? {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.uppercased() where character != " " && character != "-" && character != "=" {
            guard let index = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | UInt32(index)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt32(bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return output
    }

    /// Groups of four, for reading aloud or typing: "GEZD GNBV …".
    public static func grouped(_ encoded: String) -> String {
        var groups: [String] = []
        var current = ""
        for character in encoded {
            current.append(character)
            if current.count == 4 { groups.append(current); current = "" }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }
}
