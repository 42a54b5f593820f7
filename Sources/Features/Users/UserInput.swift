import Domain

/// What a form, the API or the CLI says about a user, checked the same way everywhere.
public struct UserInput: Sendable, Equatable {
    public var email: String
    public var name: String
    public var role: String

    public init(email: String, name: String, role: String) {
        self.email = email
        self.name = name
        self.role = role
    }

    static let maximumNameLength = 200

    /// Throws every problem with the input at once, without changing anything.
    public func check() throws(DomainError) {
        _ = try validated()
    }

    /// Validated and normalised values, or every problem at once.
    func validated() throws(DomainError) -> (email: String, name: String, role: Role) {
        var validator = Validator()
        let email = EmailAddress.normalized(self.email)
        let name = self.name.trimmingWhitespace()
        validator.check(EmailAddress.isValid(email), "email", "email.invalid")
        validator.check(!name.isEmpty, "name", "name.required")
        validator.check(self.name.unicodeScalars.count <= Self.maximumNameLength, "name", "name.tooLong", String(Self.maximumNameLength))
        let role = Role(rawValue: self.role.trimmingWhitespace().lowercased())
        validator.check(role != nil, "role", "role.invalid")
        try validator.throwIfInvalid()
        return (email, name.precomposedStringWithCanonicalMapping, role!)
    }
}
