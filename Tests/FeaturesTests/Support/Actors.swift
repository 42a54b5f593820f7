import Domain
import Features
import Foundation

/// The people who act in these scenarios, by role (no user rows needed: the trail names them by label).
extension Actor {
    static func role(_ role: Role, _ email: String) -> Actor { Actor(kind: .user(id: UUID(), role: role), label: email) }

    static let officer = Actor.role(.officer, "arta@ico.example")
    static let coordinator = Actor.role(.coordinator, "kubra@ico.example")
    static let viewer = Actor.role(.viewer, "donor@ico.example")
}

/// Whether an error is the "not found" every path answers for what the reader may not see.
func isNotFound(_ error: any Error) -> Bool {
    if case DomainError.notFound = error { return true }
    return false
}

/// The fields an invalid input was refused at.
func invalidFields(_ error: any Error) -> [String] {
    if case DomainError.invalid(let issues) = error { return issues.map(\.field) }
    return []
}
