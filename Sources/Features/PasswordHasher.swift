/// Hashing is slow on purpose (bcrypt); the web layer supplies an implementation that runs it off the
/// event loop. Features only say when to hash and verify.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, against hash: String) async throws -> Bool
}
