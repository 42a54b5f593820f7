/// What makes a password acceptable. Length is what matters; composition rules only annoy people.
/// Long passphrases in any script are welcome: the hasher digests them first, so bcrypt's 72-byte
/// limit never truncates them. The maximum only bounds the work one request can cause.
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 1000

    public static func issues(for password: String, field: String = "password") -> [FieldIssue] {
        if password.count < minimumLength {
            return [FieldIssue(field: field, "password.tooShort", String(minimumLength))]
        }
        if password.unicodeScalars.count > maximumLength {
            return [FieldIssue(field: field, "password.tooLong", String(maximumLength))]
        }
        return []
    }
}
