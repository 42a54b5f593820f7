import Features
import Vapor

/// bcrypt through Vapor, on the thread pool so that slow hashing never blocks the event loops.
struct BcryptHasher: Features.PasswordHasher {
    let threadPool: NIOThreadPool
    let cost: Int

    func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, against hash: String) async throws -> Bool {
        try await threadPool.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}
