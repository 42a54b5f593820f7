/// One problem with one field of the input, in words the user can act on.
public struct FieldIssue: Equatable, Sendable, Codable {
    /// The field's name as the form and the API know it (`email`, `password`, …).
    public var field: String
    /// A localisation key; see `Localizer`.
    public var messageKey: String
    public var arguments: [String]

    public init(field: String, _ messageKey: String, _ arguments: String...) {
        self.field = field
        self.messageKey = messageKey
        self.arguments = arguments
    }
}

/// Errors that use cases report to every front end (web page, API, CLI) in the same words.
public enum DomainError: Error, Equatable, Sendable {
    /// The input was invalid; each issue names its field.
    case invalid([FieldIssue])
    /// Nothing the actor may see has this identity. Also used for records the actor may not see,
    /// so that their existence is not revealed.
    case notFound(String)
    /// The record was erased (a person, at their request): nothing of it is kept but the fact of its
    /// erasure, so its address answers "gone" rather than "not found" (410, RFC 9110 §15.5.11).
    case gone(String)
    /// The actor is signed in but their role does not allow this.
    case forbidden
    /// The record changed since the client read it.
    case versionConflict(current: Int)
    /// An update arrived without saying which version it started from.
    case versionRequired
    /// A unique value (an email address, …) is taken.
    case conflict(FieldIssue)
    /// Sign-in failed: wrong email or password, or a disabled account. Deliberately vague.
    case invalidCredentials
    /// Too many failed sign-ins; try again after the given time.
    case throttled(until: Double)
    /// The request cannot be done in the current state (for example, disabling yourself).
    case notAllowed(String)

    public static func invalid(field: String, _ key: String, _ arguments: String...) -> DomainError {
        var issue = FieldIssue(field: field, key)
        issue.arguments = arguments
        return .invalid([issue])
    }
}

/// Collects field issues while validating input, then throws them all at once.
public struct Validator: Sendable {
    public private(set) var issues: [FieldIssue] = []

    public init() {}

    public mutating func add(_ field: String, _ key: String, _ arguments: String...) {
        var issue = FieldIssue(field: field, key)
        issue.arguments = arguments
        issues.append(issue)
    }

    public mutating func check(_ condition: Bool, _ field: String, _ key: String, _ arguments: String...) {
        guard !condition else { return }
        var issue = FieldIssue(field: field, key)
        issue.arguments = arguments
        issues.append(issue)
    }

    public mutating func add(_ issue: FieldIssue) { issues.append(issue) }

    public func throwIfInvalid() throws(DomainError) {
        if !issues.isEmpty { throw .invalid(issues) }
    }
}
