import Features
import Testing

@Suite("Stored token hashes: the same hex for the same secret, across versions")
struct SecretTokenHashTests {
    /// Sessions, API tokens and calendar feeds are found by this hash of their secret, so a change in how it
    /// is written would sign everyone out and break every token. FIPS 180-2's examples, and the empty text.
    @Test("SHA-256 as lowercase hex, as the database holds it", arguments: [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ])
    func knownDigests(secret: String, hex: String) {
        #expect(SecretToken.hash(secret) == hex)
    }
}
