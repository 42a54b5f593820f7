import Domain
import FluentKit
import Foundation

/// A working group, often started by an agreement.
public final class WorkingGroupModel: Model, @unchecked Sendable {
    public static let schema = "working_groups"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @OptionalField(key: "purpose") public var purpose: String?
    @OptionalField(key: "agreement_id") public var agreementID: UUID?
    @Field(key: "confidentiality") public var confidentiality: Confidentiality
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $name, $purpose, $agreementID, $confidentiality, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}

/// A person's membership of a working group, with their part and the days it ran.
public final class WorkingGroupMemberModel: Model, @unchecked Sendable {
    public static let schema = "working_group_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: "group_id") public var groupID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "part") public var part: MemberPart
    @OptionalField(key: "starts_on") public var startsOn: Day?
    @OptionalField(key: "ends_on") public var endsOn: Day?

    /// Listed by hand (see `WorkingGroupModel.properties`).
    public var properties: [any AnyProperty] { [$id, $groupID, $personID, $part, $startsOn, $endsOn] }

    public init() {}

    public init(groupID: UUID, personID: UUID, part: MemberPart, startsOn: Day?, endsOn: Day?) {
        self.id = UUID()
        self.groupID = groupID
        self.personID = personID
        self.part = part
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// An engagement that was a meeting of the group.
public final class WorkingGroupMeetingModel: LinkModel, @unchecked Sendable {
    public static let schema = "working_group_meetings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "group_id") public var groupID: UUID
    @Field(key: "engagement_id") public var engagementID: UUID

    /// Listed by hand (see `WorkingGroupModel.properties`).
    public var properties: [any AnyProperty] { [$id, $groupID, $engagementID] }

    public init() {}

    public static var owner: Link { \.$groupID }
    public static var target: Link { \.$engagementID }
}

/// Something the group owes: a recommendation, a report, a plan.
public final class DeliverableModel: Model, @unchecked Sendable {
    public static let schema = "deliverables"

    @ID(key: .id) public var id: UUID?
    @Field(key: "group_id") public var groupID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "kind") public var kind: DeliverableKind
    @OptionalField(key: "due_on") public var dueOn: Day?
    @Field(key: "status") public var status: DeliverableStatus
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "version") public var version: Int

    /// Listed by hand (see `WorkingGroupModel.properties`).
    public var properties: [any AnyProperty] { [$id, $groupID, $title, $kind, $dueOn, $status, $createdAt, $version] }

    public init() {}
}
