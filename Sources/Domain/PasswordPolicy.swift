/// What makes a password acceptable. Length is what matters; composition rules only annoy people.
public enum PasswordPolicy {
    public static let minimumLength = 12
    /// bcrypt reads only the first 72 bytes; longer passwords would be silently truncated.
    public static let maximumBytes = 72

    public static func issues(for password: String, field: String = "password") -> [FieldIssue] {
        if password.count < minimumLength {
            return [FieldIssue(field: field, "password.tooShort", String(minimumLength))]
        }
        if password.utf8.count > maximumBytes {
            return [FieldIssue(field: field, "password.tooLong", String(maximumBytes))]
        }
        return []
    }
}
