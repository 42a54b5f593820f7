import Domain
import Features

/// The communities a deployment works with: the list, and the form to add one or change it.
enum CommunitiesPage {
    struct Values: FormVersion {
        var name = "", status = CommunityStatus.nonMajority.rawValue, regionID = "", notes = "", version = ""
    }

    struct Model: Sendable {
        var communities: [CommunityRecord]
        var editing: CommunityRecord?
        var values: Values
        var errors = Forms.Errors()
        var regions: [RecordRef]
    }
}
