import Domain
import Testing

@Suite("Emails, passwords, sessions and audit changes")
struct ValueRulesTests {
    @Test("email addresses people type", arguments: [
        ("kubra@ico.example", true), ("  Kubra@ICO.Example ", true), ("no-at-sign.example", false), ("a@b", false),
        ("two@@ico.example", false), ("spa ce@ico.example", false), ("@ico.example", false), ("x@.example", false),
        ("x@ico..example", false), ("x@ico.example.", false), ("x@icoexample", false), ("x@ico.ex.ample", true),
    ])
    func email(raw: String, valid: Bool) {
        #expect(EmailAddress.isValid(raw) == valid)
    }

    @Test func spaceOfAnyKindIsTrimmed() {
        #expect("\u{1C}\u{85} Kübra\u{2003}\n".trimmingWhitespace() == "Kübra")
        #expect("\u{1F}".trimmingWhitespace().isEmpty)
    }

    @Test func emailsAreComparedTrimmedAndLowerCased() {
        #expect(EmailAddress.normalized("  Emilija.Redzepi@Gov.Example ") == "emilija.redzepi@gov.example")
    }

    @Test func passwordsNeedTwelveCharactersAndLongPassphrasesInAnyScriptAreFine() {
        #expect(PasswordPolicy.issues(for: "elevenchars").map(\.messageKey) == ["password.tooShort"])
        #expect(PasswordPolicy.issues(for: "twelve chars").isEmpty)
        #expect(PasswordPolicy.issues(for: "Митровица-Митровица-Митровица-Митровица-Митровица").isEmpty)
        #expect(PasswordPolicy.issues(for: String(repeating: "ж", count: 1001)).map(\.messageKey) == ["password.tooLong"])
    }

    @Test func sessionsExpireWhenIdleOrTooOld() {
        let policy = SessionPolicy(idleTimeout: 100, absoluteLifetime: 1000, touchInterval: 10)
        #expect(!policy.isExpired(createdAt: 0, lastSeenAt: 50, now: 149))
        #expect(policy.isExpired(createdAt: 0, lastSeenAt: 50, now: 151))
        #expect(policy.isExpired(createdAt: 0, lastSeenAt: 990, now: 1001))
        #expect(!policy.needsTouch(lastSeenAt: 0, now: 9))
        #expect(policy.needsTouch(lastSeenAt: 0, now: 10))
    }

    @Test func changesListOnlyFieldsThatDiffer() {
        let changes = FieldChange.between([("name", "Bedri Hamza"), ("role", "viewer")], [("name", "Bedri Hamza"), ("role", "officer")])
        #expect(changes == [FieldChange(field: "role", from: "viewer", to: "officer")])
        #expect(FieldChange.between([], [("name", "Kübra")]) == [FieldChange(field: "name", from: nil, to: "Kübra")])
    }

    @Test func anEmptyTextIsNoValueInTheHistory() {
        // A new engagement with no topics: nothing to say about its topics.
        #expect(FieldChange.between([], [("title", "Meeting"), ("topics", "")]) == [FieldChange(field: "title", from: nil, to: "Meeting")])
        #expect(FieldChange.between([("topics", "")], [("topics", nil)]).isEmpty)
        #expect(FieldChange.between([("topics", "water")], [("topics", "")]) == [FieldChange(field: "topics", from: "water", to: nil)])
    }

    @Test func everyRoleAndActionHasEnglishWords() {
        let text = Localizer()
        for role in Role.allCases { #expect(text.has(role.labelKey)); #expect(text.has(role.labelKey + ".help")) }
        for action in AuditAction.allCases { #expect(text.has("audit.action.\(action.rawValue)")) }
        #expect(text("password.tooShort", "12") == "Use at least 12 characters.")
    }
}
