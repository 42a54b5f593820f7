/// The kinds of record that have addresses of their own, and where they live on the site and in the API.
enum Resource: Sendable, Equatable, CaseIterable {
    case person, organization, position, place, community
    case visit, engagement, quote, photo, followUp, engagementKind
    case agreement, document, workingGroup, deliverable, recommendation
    case contextEvent, coordination, assessment
    case user, token, importBatch, savedFilter
    /// Captures sent from devices (`/captures`), and those their authors must look at (`/captures/review`).
    case capture, captureReview

    /// The first path segment(s) on the site: `/people`, `/people/{id}/edit`.
    var sitePath: String {
        switch self {
        case .token: return "account/tokens"
        case .engagementKind: return "settings/engagement-kinds"
        case .contextEvent: return "context"
        default: return apiPath
        }
    }

    /// The same under `/api/v1`.
    var apiPath: String {
        switch self {
        case .person: return "people"
        case .organization: return "organizations"
        case .position: return "positions"
        case .place: return "places"
        case .community: return "communities"
        case .visit: return "visits"
        case .engagement: return "engagements"
        case .quote: return "quotes"
        case .photo: return "photos"
        case .followUp: return "follow-ups"
        case .engagementKind: return "engagement-kinds"
        case .agreement: return "agreements"
        case .document: return "documents"
        case .workingGroup: return "working-groups"
        case .deliverable: return "deliverables"
        case .recommendation: return "recommendations"
        case .contextEvent: return "context-events"
        case .coordination: return "coordination"
        case .assessment: return "assessments"
        case .user: return "users"
        case .token: return "tokens"
        case .importBatch: return "imports"
        case .savedFilter: return "saved-filters"
        case .capture: return "captures"
        case .captureReview: return "captures/review"
        }
    }
}

/// What one record's address does: its page (`show`), or a path under it (`/people/{id}/history`).
enum RecordAction: String, Sendable, Equatable {
    case show = ""
    case edit, delete, restore, history
    case assessments, network, merge, remove
    /// Erasing a person: the confirmation form on the site, and the API's action.
    case erase, erasure
    /// What the record holds on a person: readable on the site, as JSON there and in the API.
    case held, heldJSON = "held.json", subjectAccess = "subject-access"
    /// A decision to keep a person past the retention period (the review list's form, and the API's).
    case retentionDecision = "retention-decision"
    case disable, enable, password, revoke, twoFactorReset = "two-factor/reset"
    case report, reportMarkdown = "report.md", reportHTML = "report.html", reportPDF = "report.pdf", editReport = "report/edit"
    case publicUpdate = "public-update", publicUpdateMarkdown = "public-update.md", publicUpdateHTML = "public-update.html"
    case followUps = "follow-ups", quotes, photos, agreements, unlinkAgreement = "agreements/unlink"
    case workingGroups = "working-groups", recommendations, engagements, meetings, evidence
    case documents, deliverables, status, small, file
    case mapping, decisions, start
}
