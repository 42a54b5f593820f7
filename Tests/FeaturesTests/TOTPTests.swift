import Features
import Foundation
import Testing

@Suite("Authenticator codes: RFC 6238 time-based one-time passwords")
struct TOTPTests {
    /// RFC 6238 Appendix B, the SHA-1 rows: the 20-byte ASCII secret "12345678901234567890", eight digits.
    @Test("the RFC's test vectors", arguments: [
        (59.0, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfcVectors(time: Double, expected: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == expected)
    }

    @Test("six digits are the last six of the same value")
    func sixDigits() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        #expect(totp.code(at: Date(timeIntervalSince1970: 59)) == "287082")
        #expect(totp.code(at: Date(timeIntervalSince1970: 1_111_111_109)) == "081804")
    }

    @Test("a code one step early or late is taken; two steps is too far")
    func drift() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(forStep: step), at: now, after: nil) == step)
        #expect(totp.matchingStep(totp.code(forStep: step - 1), at: now, after: nil) == step - 1)
        #expect(totp.matchingStep(totp.code(forStep: step + 1), at: now, after: nil) == step + 1)
        #expect(totp.matchingStep(totp.code(forStep: step - 2), at: now, after: nil) == nil)
        #expect(totp.matchingStep(totp.code(forStep: step + 2), at: now, after: nil) == nil)
    }

    @Test("a code is never taken twice, nor an older one after a newer")
    func replay() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let step = totp.step(at: now)
        #expect(totp.matchingStep(totp.code(forStep: step), at: now, after: step) == nil)
        #expect(totp.matchingStep(totp.code(forStep: step - 1), at: now, after: step) == nil)
        #expect(totp.matchingStep(totp.code(forStep: step + 1), at: now, after: step) == step + 1)
    }

    @Test("spaces in a typed code are ignored; letters and wrong lengths are refused")
    func typing() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 59)
        #expect(totp.matchingStep(" 287 082 ", at: now, after: nil) != nil)
        #expect(totp.matchingStep("28708", at: now, after: nil) == nil)
        #expect(totp.matchingStep("2870822", at: now, after: nil) == nil)
        #expect(totp.matchingStep("28708a", at: now, after: nil) == nil)
        #expect(totp.matchingStep("٢٨٧٠٨٢", at: now, after: nil) == nil)
    }

    /// RFC 4648 §10.
    @Test("base32 as in RFC 4648", arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ])
    func base32(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased() + "======") == Array(plain.utf8))
    }

    @Test("a secret reads back however it is typed, and is shown in groups of four")
    func secrets() {
        let secret = TOTP.generateSecret()
        #expect(secret.count == 20)
        let encoded = Base32.encode(secret)
        #expect(encoded.count == 32)
        #expect(Base32.decode(Base32.grouped(encoded).lowercased()) == secret)
        #expect(Base32.grouped("GEZDGNBVGY3TQOJQ") == "GEZD GNBV GY3T QOJQ")
        #expect(Base32.decode("GEZ1") == nil)
    }

    @Test("the address an authenticator app reads")
    func provisioningURI() {
        let uri = TOTP.provisioningURI(secret: Array("12345678901234567890".utf8), account: "amra.krasniqi@ico.example")
        #expect(uri == "otpauth://totp/Roundtable:amra.krasniqi@ico.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Roundtable")
    }
}
