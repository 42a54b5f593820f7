import Crypto
import Features
import Vapor

/// bcrypt through Vapor, on the thread pool so that slow hashing never blocks the event loops.
///
/// bcrypt reads only 72 bytes, which is 18 letters of Cyrillic; so the password is first digested with
/// SHA-256 and the base64 of that (44 bytes) is what bcrypt hashes. Every byte of a long passphrase counts.
struct BcryptHasher: Features.PasswordHasher {
    let threadPool: NIOThreadPool
    let cost: Int

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        let digest = Self.digest(password)
        return try await threadPool.runIfActive { try Bcrypt.hash(digest, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        let digest = Self.digest(password)
        return try await threadPool.runIfActive { try Bcrypt.verify(digest, created: hash) }
    }

    static func digest(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }
}
