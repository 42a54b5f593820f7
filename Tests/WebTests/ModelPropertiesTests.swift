import FluentKit
import Storage
import Testing

/// Every model lists its properties by hand, for speed; a field added to a model but not to its list would
/// silently never be saved or read. This compares each list with what reflection finds, in order.
@Suite("Models list every property they declare")
struct ModelPropertiesTests {
    static let models: [any Model.Type] = [
        AgreementModel.self, AgreementPartyModel.self, AgreementStatusChangeModel.self, AgreementEngagementModel.self,
        WorkingGroupModel.self, WorkingGroupMemberModel.self, WorkingGroupMeetingModel.self, DeliverableModel.self,
        RecommendationModel.self, RecommendationTargetModel.self, RecommendationStatusChangeModel.self, RecommendationEvidenceModel.self,
        CoordinationActivityModel.self, CoordinationPlaceModel.self, AgreementDocumentModel.self,
        VisitReportNarrativeModel.self,
        PublicUpdateModel.self, ImportBatchModel.self, DuplicateDismissalModel.self,
        StakeholderAssessmentModel.self,
        APITokenModel.self, AuditEntryModel.self, CalendarFeedModel.self, CommunityModel.self, ContextEventModel.self, ContextEventPlaceModel.self, EngagementKindModel.self,
        EngagementModel.self, EngagementOrganizationModel.self, ParticipationModel.self, HeadCountModel.self, FollowUpModel.self,
        CaptureModel.self, CaptureReviewModel.self,
        FieldVisitModel.self, VisitPlaceModel.self, VisitMemberModel.self, OrganizationModel.self,
        PersonModel.self, ConsentEventModel.self, PhotoModel.self, PlaceModel.self, PlaceNameModel.self, PositionModel.self,
        QuoteModel.self, RetentionDecisionModel.self, SignInAttemptModel.self, TwoFactorModel.self, RecoveryCodeModel.self, SignInChallengeModel.self, UserModel.self, UserSessionModel.self,
    ]

    @Test(arguments: models.map { ModelType($0) })
    func theListMatchesWhatReflectionFinds(_ type: ModelType) {
        let model = type.type.init()
        let listed = model.properties.map { ObjectIdentifier($0 as AnyObject) }
        let reflected = Mirror(reflecting: model).children.compactMap { $0.value as? any AnyProperty }.map { ObjectIdentifier($0 as AnyObject) }
        #expect(!reflected.isEmpty)
        #expect(listed == reflected, "\(type) lists \(listed.count) of its \(reflected.count) properties")
    }

    struct ModelType: CustomStringConvertible, Sendable {
        let type: any Model.Type
        init(_ type: any Model.Type) { self.type = type }
        var description: String { "\(type)" }
    }
}
