import Storage

extension UserModel {
    public var summary: UserSummary {
        UserSummary(
            id: id!, email: email, name: name, role: role, isDisabled: isDisabled,
            lastSignInAt: lastSignInAt, createdAt: createdAt, version: version, language: language
        )
    }
}
