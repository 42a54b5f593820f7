import Domain
import Testing

@Suite("Roles grant exactly what the foundation issue lists")
struct RoleTests {
    @Test("who may do what", arguments: [
        (Role.admin, Permission.manageUsers, true), (.coordinator, .manageUsers, false), (.officer, .manageUsers, false), (.viewer, .manageUsers, false),
        (.admin, .viewAuditTrail, true), (.coordinator, .viewAuditTrail, false),
        (.admin, .readRestricted, true), (.coordinator, .readRestricted, true), (.officer, .readRestricted, false), (.viewer, .readRestricted, false),
        (.admin, .writeRecords, true), (.coordinator, .writeRecords, true), (.officer, .writeRecords, true), (.viewer, .writeRecords, false),
        (.coordinator, .publish, true), (.officer, .publish, false), (.viewer, .publish, false),
        (.viewer, .readRecords, true), (.officer, .readRecords, true),
        (.admin, .restoreRecords, true), (.coordinator, .restoreRecords, true), (.officer, .restoreRecords, false), (.viewer, .restoreRecords, false),
    ])
    func permissions(role: Role, permission: Permission, expected: Bool) {
        #expect(role.can(permission) == expected)
    }

    @Test func restrictedRecordsAreVisibleOnlyToCoordinatorsAndAdmins() {
        #expect(Role.allCases.filter { $0.canSee(.restricted) } == [.admin, .coordinator])
        #expect(Role.allCases.allSatisfy { $0.canSee(.normal) })
    }
}
