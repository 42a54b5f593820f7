import Foundation

/// Random secrets for session cookies, API tokens and generated passwords, and the hashes we store.
public enum SecretToken {
    /// 32 random bytes, base64url without padding (43 characters).
    public static func generate(prefix: String = "") -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return prefix + base64URL(bytes)
    }

    /// SHA-256, hex. Tokens are long and random, so a fast hash is enough (unlike passwords).
    public static func hash(_ token: String) -> String {
        SHA256Hex.of(token)
    }

    /// A password people can type: five groups of four letters and digits without look-alikes.
    public static func generatePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let groups = (0..<5).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
        return groups.joined(separator: "-")
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
