import Foundation
import Vapor

/// Every address Roundtable answers, in one place: routes are registered from these and views link to
/// them, so a link cannot point at a route that does not exist.
enum SiteURL: Sendable, Equatable {
    case home
    case setup
    case signIn
    case signOut
    case users
    case newUser
    case user(UUID)
    case userDisable(UUID)
    case userEnable(UUID)
    case userPassword(UUID)
    case audit
    case account
    case accountPassword
    case accountTokens
    case accountTokenRevoke(UUID)
    case accountCalendar
    case accountCalendarRevoke
    /// A personal calendar feed; the secret in the address is the credential.
    case calendarFeed(String)
    case export
    case exportZip
    case people
    case newPerson
    case person(UUID)
    case editPerson(UUID)
    case deletePerson(UUID)
    case restorePerson(UUID)
    case personHistory(UUID)
    case personAssessments(UUID)
    case personNetwork(UUID)
    case organizations
    case newOrganization
    case organization(UUID)
    case editOrganization(UUID)
    case deleteOrganization(UUID)
    case restoreOrganization(UUID)
    case organizationHistory(UUID)
    case organizationAssessments(UUID)
    case organizationNetwork(UUID)
    case removeAssessment(UUID)
    case stakeholders
    case positions
    case newPosition
    case position(UUID)
    case editPosition(UUID)
    case deletePosition(UUID)
    case places
    case newPlace
    case place(UUID)
    case editPlace(UUID)
    case placeHistory(UUID)
    case deletePlace(UUID)
    case communities
    case newCommunity
    case community(UUID)
    case editCommunity(UUID)
    case visits
    case newVisit
    case visit(UUID)
    case editVisit(UUID)
    case deleteVisit(UUID)
    case restoreVisit(UUID)
    case visitHistory(UUID)
    case visitReport(UUID)
    case visitReportMarkdown(UUID)
    case visitReportHTML(UUID)
    case visitReportPDF(UUID)
    case editVisitReport(UUID)
    case publicUpdate(UUID)
    case publicUpdateMarkdown(UUID)
    case publicUpdateHTML(UUID)
    case engagements
    case newEngagement
    case engagement(UUID)
    case editEngagement(UUID)
    case deleteEngagement(UUID)
    case restoreEngagement(UUID)
    case engagementHistory(UUID)
    case engagementFollowUps(UUID)
    case engagementQuotes(UUID)
    case deleteQuote(UUID)
    case engagementPhotos(UUID)
    case photo(UUID)
    case smallPhoto(UUID)
    case deletePhoto(UUID)
    case followUps
    case followUpStatus(UUID)
    case engagementKinds
    case agreements
    case newAgreement
    case agreement(UUID)
    case editAgreement(UUID)
    case deleteAgreement(UUID)
    case restoreAgreement(UUID)
    case agreementHistory(UUID)
    case engagementAgreements(UUID)
    case unlinkAgreement(UUID)
    case agreementDocuments(UUID)
    case document(UUID)
    case deleteDocument(UUID)
    case workingGroups
    case newWorkingGroup
    case workingGroup(UUID)
    case editWorkingGroup(UUID)
    case deleteWorkingGroup(UUID)
    case restoreWorkingGroup(UUID)
    case workingGroupHistory(UUID)
    case workingGroupDeliverables(UUID)
    case deliverableStatus(UUID)
    case engagementWorkingGroups(UUID)
    case recommendations
    case newRecommendation
    case recommendation(UUID)
    case editRecommendation(UUID)
    case deleteRecommendation(UUID)
    case restoreRecommendation(UUID)
    case recommendationHistory(UUID)
    case engagementRecommendations(UUID)
    case dashboard
    case search
    case imports
    case importBatch(UUID)
    case importMapping(UUID)
    case importDecisions(UUID)
    case importStart(UUID)
    case duplicates
    case duplicatesDismiss
    case mergePerson(UUID)
    case mergeOrganization(UUID)
    case periodReport
    case periodReportMarkdown
    case periodReportCSV
    case periodReportHTML
    case coordination
    case coordinationExport
    case recordExport(String)
    case newCoordination
    case coordinationActivity(UUID)
    case editCoordination(UUID)
    case deleteCoordination(UUID)
    case restoreCoordination(UUID)
    case coordinationHistory(UUID)
    case contextEvents
    case newContextEvent
    case contextEvent(UUID)
    case editContextEvent(UUID)
    case deleteContextEvent(UUID)
    case restoreContextEvent(UUID)
    case contextEventHistory(UUID)
    case stylesheet
    case script
    case healthz
    case metrics
    case openAPI
    case api(APIURL)

    var path: String {
        switch self {
        case .home: return "/"
        case .setup: return "/setup"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .users: return "/users"
        case .newUser: return "/users/new"
        case .user(let id): return "/users/\(id.uuidString.lowercased())"
        case .userDisable(let id): return "/users/\(id.uuidString.lowercased())/disable"
        case .userEnable(let id): return "/users/\(id.uuidString.lowercased())/enable"
        case .userPassword(let id): return "/users/\(id.uuidString.lowercased())/password"
        case .audit: return "/audit"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .accountTokens: return "/account/tokens"
        case .accountTokenRevoke(let id): return "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .accountCalendar: return "/account/calendar"
        case .accountCalendarRevoke: return "/account/calendar/revoke"
        case .calendarFeed(let secret): return "/calendar/\(secret).ics"
        case .export: return "/export"
        case .exportZip: return "/export.zip"
        case .people: return "/people"
        case .newPerson: return "/people/new"
        case .person(let id): return "/people/\(id.path)"
        case .editPerson(let id): return "/people/\(id.path)/edit"
        case .deletePerson(let id): return "/people/\(id.path)/delete"
        case .restorePerson(let id): return "/people/\(id.path)/restore"
        case .personHistory(let id): return "/people/\(id.path)/history"
        case .personAssessments(let id): return "/people/\(id.path)/assessments"
        case .personNetwork(let id): return "/people/\(id.path)/network"
        case .organizations: return "/organizations"
        case .newOrganization: return "/organizations/new"
        case .organization(let id): return "/organizations/\(id.path)"
        case .editOrganization(let id): return "/organizations/\(id.path)/edit"
        case .deleteOrganization(let id): return "/organizations/\(id.path)/delete"
        case .restoreOrganization(let id): return "/organizations/\(id.path)/restore"
        case .organizationHistory(let id): return "/organizations/\(id.path)/history"
        case .organizationAssessments(let id): return "/organizations/\(id.path)/assessments"
        case .organizationNetwork(let id): return "/organizations/\(id.path)/network"
        case .removeAssessment(let id): return "/assessments/\(id.path)/remove"
        case .stakeholders: return "/stakeholders"
        case .positions: return "/positions"
        case .newPosition: return "/positions/new"
        case .position(let id): return "/positions/\(id.path)"
        case .editPosition(let id): return "/positions/\(id.path)/edit"
        case .deletePosition(let id): return "/positions/\(id.path)/delete"
        case .places: return "/places"
        case .newPlace: return "/places/new"
        case .place(let id): return "/places/\(id.path)"
        case .editPlace(let id): return "/places/\(id.path)/edit"
        case .placeHistory(let id): return "/places/\(id.path)/history"
        case .deletePlace(let id): return "/places/\(id.path)/delete"
        case .communities: return "/communities"
        case .newCommunity: return "/communities/new"
        case .community(let id): return "/communities/\(id.path)"
        case .editCommunity(let id): return "/communities/\(id.path)/edit"
        case .visits: return "/visits"
        case .newVisit: return "/visits/new"
        case .visit(let id): return "/visits/\(id.path)"
        case .editVisit(let id): return "/visits/\(id.path)/edit"
        case .deleteVisit(let id): return "/visits/\(id.path)/delete"
        case .restoreVisit(let id): return "/visits/\(id.path)/restore"
        case .visitHistory(let id): return "/visits/\(id.path)/history"
        case .visitReport(let id): return "/visits/\(id.path)/report"
        case .visitReportMarkdown(let id): return "/visits/\(id.path)/report.md"
        case .visitReportHTML(let id): return "/visits/\(id.path)/report.html"
        case .visitReportPDF(let id): return "/visits/\(id.path)/report.pdf"
        case .editVisitReport(let id): return "/visits/\(id.path)/report/edit"
        case .publicUpdate(let id): return "/visits/\(id.path)/public-update"
        case .publicUpdateMarkdown(let id): return "/visits/\(id.path)/public-update.md"
        case .publicUpdateHTML(let id): return "/visits/\(id.path)/public-update.html"
        case .engagements: return "/engagements"
        case .newEngagement: return "/engagements/new"
        case .engagement(let id): return "/engagements/\(id.path)"
        case .editEngagement(let id): return "/engagements/\(id.path)/edit"
        case .deleteEngagement(let id): return "/engagements/\(id.path)/delete"
        case .restoreEngagement(let id): return "/engagements/\(id.path)/restore"
        case .engagementHistory(let id): return "/engagements/\(id.path)/history"
        case .engagementFollowUps(let id): return "/engagements/\(id.path)/follow-ups"
        case .engagementQuotes(let id): return "/engagements/\(id.path)/quotes"
        case .deleteQuote(let id): return "/quotes/\(id.path)/delete"
        case .engagementPhotos(let id): return "/engagements/\(id.path)/photos"
        case .photo(let id): return "/photos/\(id.path)"
        case .smallPhoto(let id): return "/photos/\(id.path)/small"
        case .deletePhoto(let id): return "/photos/\(id.path)/delete"
        case .followUps: return "/follow-ups"
        case .followUpStatus(let id): return "/follow-ups/\(id.path)/status"
        case .engagementKinds: return "/settings/engagement-kinds"
        case .agreements: return "/agreements"
        case .newAgreement: return "/agreements/new"
        case .agreement(let id): return "/agreements/\(id.path)"
        case .editAgreement(let id): return "/agreements/\(id.path)/edit"
        case .deleteAgreement(let id): return "/agreements/\(id.path)/delete"
        case .restoreAgreement(let id): return "/agreements/\(id.path)/restore"
        case .agreementHistory(let id): return "/agreements/\(id.path)/history"
        case .engagementAgreements(let id): return "/engagements/\(id.path)/agreements"
        case .unlinkAgreement(let id): return "/engagements/\(id.path)/agreements/unlink"
        case .agreementDocuments(let id): return "/agreements/\(id.path)/documents"
        case .document(let id): return "/documents/\(id.path)"
        case .deleteDocument(let id): return "/documents/\(id.path)/delete"
        case .workingGroups: return "/working-groups"
        case .newWorkingGroup: return "/working-groups/new"
        case .workingGroup(let id): return "/working-groups/\(id.path)"
        case .editWorkingGroup(let id): return "/working-groups/\(id.path)/edit"
        case .deleteWorkingGroup(let id): return "/working-groups/\(id.path)/delete"
        case .restoreWorkingGroup(let id): return "/working-groups/\(id.path)/restore"
        case .workingGroupHistory(let id): return "/working-groups/\(id.path)/history"
        case .workingGroupDeliverables(let id): return "/working-groups/\(id.path)/deliverables"
        case .deliverableStatus(let id): return "/deliverables/\(id.path)/status"
        case .engagementWorkingGroups(let id): return "/engagements/\(id.path)/working-groups"
        case .recommendations: return "/recommendations"
        case .newRecommendation: return "/recommendations/new"
        case .recommendation(let id): return "/recommendations/\(id.path)"
        case .editRecommendation(let id): return "/recommendations/\(id.path)/edit"
        case .deleteRecommendation(let id): return "/recommendations/\(id.path)/delete"
        case .restoreRecommendation(let id): return "/recommendations/\(id.path)/restore"
        case .recommendationHistory(let id): return "/recommendations/\(id.path)/history"
        case .engagementRecommendations(let id): return "/engagements/\(id.path)/recommendations"
        case .dashboard: return "/dashboard"
        case .search: return "/search"
        case .imports: return "/imports"
        case .importBatch(let id): return "/imports/\(id.path)"
        case .importMapping(let id): return "/imports/\(id.path)/mapping"
        case .importDecisions(let id): return "/imports/\(id.path)/decisions"
        case .importStart(let id): return "/imports/\(id.path)/start"
        case .duplicates: return "/duplicates"
        case .duplicatesDismiss: return "/duplicates/dismiss"
        case .mergePerson(let id): return "/people/\(id.path)/merge"
        case .mergeOrganization(let id): return "/organizations/\(id.path)/merge"
        case .periodReport: return "/reports/period"
        case .periodReportMarkdown: return "/reports/period.md"
        case .periodReportCSV: return "/reports/period.csv"
        case .periodReportHTML: return "/reports/period.html"
        case .coordination: return "/coordination"
        case .coordinationExport: return "/coordination/export.csv"
        case .recordExport(let kind): return "/\(kind)/export.csv"
        case .newCoordination: return "/coordination/new"
        case .coordinationActivity(let id): return "/coordination/\(id.path)"
        case .editCoordination(let id): return "/coordination/\(id.path)/edit"
        case .deleteCoordination(let id): return "/coordination/\(id.path)/delete"
        case .restoreCoordination(let id): return "/coordination/\(id.path)/restore"
        case .coordinationHistory(let id): return "/coordination/\(id.path)/history"
        case .contextEvents: return "/context"
        case .newContextEvent: return "/context/new"
        case .contextEvent(let id): return "/context/\(id.path)"
        case .editContextEvent(let id): return "/context/\(id.path)/edit"
        case .deleteContextEvent(let id): return "/context/\(id.path)/delete"
        case .restoreContextEvent(let id): return "/context/\(id.path)/restore"
        case .contextEventHistory(let id): return "/context/\(id.path)/history"
        case .stylesheet: return "/static/app.css"
        case .script: return "/static/app.js"
        case .healthz: return "/healthz"
        case .metrics: return "/metrics"
        case .openAPI: return "/api/openapi.yaml"
        case .api(let api): return "/api/v1" + api.path
        }
    }

    /// The route pattern: the path with `routeParameter` replaced by `:id`.
    var pathComponents: [PathComponent] {
        // The feed's secret is not an identity; the handler takes ".ics" off the parameter.
        if case .calendarFeed = self { return [.constant("calendar"), .parameter("feed")] }
        return path.split(separator: "/").map { segment in
            segment == SiteURL.routeParameterSegment ? .parameter("id") : .constant(String(segment))
        }
    }

    /// The identity that stands for `:id` when a case is used to register its route.
    static let routeParameter = UUID(uuidString: "00000000-0000-0000-0000-00000000beef")!
    static var routeParameterSegment: Substring { Substring(routeParameter.uuidString.lowercased()) }
}

/// Addresses under `/api/v1`.
enum APIURL: Sendable, Equatable {
    case me
    case users
    case user(UUID)
    case userHistory(UUID)
    case tokens
    case token(UUID)
    case audit
    case people
    case person(UUID)
    case personRestore(UUID)
    case personAssessments(UUID)
    case organizationAssessments(UUID)
    case stakeholders
    case personHistory(UUID)
    case organizations
    case organization(UUID)
    case organizationRestore(UUID)
    case organizationHistory(UUID)
    case positions
    case position(UUID)
    case places
    case place(UUID)
    case communities
    case community(UUID)
    case visits
    case visit(UUID)
    case visitRestore(UUID)
    case visitHistory(UUID)
    case visitReport(UUID)
    case publicUpdate(UUID)
    case publicUpdateMarkdown(UUID)
    case engagements
    case engagement(UUID)
    case engagementRestore(UUID)
    case engagementHistory(UUID)
    case engagementFollowUps(UUID)
    case engagementQuotes(UUID)
    case quote(UUID)
    case engagementPhotos(UUID)
    case photo(UUID)
    case photoFile(UUID)
    case followUps
    case followUp(UUID)
    case engagementKinds
    case agreements
    case agreement(UUID)
    case agreementRestore(UUID)
    case agreementHistory(UUID)
    case agreementEngagements(UUID)
    case agreementDocuments(UUID)
    case document(UUID)
    case documentFile(UUID)
    case workingGroups
    case workingGroup(UUID)
    case workingGroupRestore(UUID)
    case workingGroupHistory(UUID)
    case workingGroupMeetings(UUID)
    case workingGroupDeliverables(UUID)
    case deliverable(UUID)
    case recommendations
    case recommendation(UUID)
    case recommendationRestore(UUID)
    case recommendationHistory(UUID)
    case recommendationEvidence(UUID)
    case periodReport
    case search
    case duplicates
    case mergePerson(UUID)
    case mergeOrganization(UUID)
    case coordination
    case recordExport(String)
    case exportZip
    case calendarFeed
    case coordinationExport
    case coordinationActivity(UUID)
    case coordinationRestore(UUID)
    case coordinationHistory(UUID)
    case contextEvents
    case contextEvent(UUID)
    case contextEventRestore(UUID)
    case contextEventHistory(UUID)

    var path: String {
        switch self {
        case .people: return "/people"
        case .person(let id): return "/people/\(id.path)"
        case .personRestore(let id): return "/people/\(id.path)/restore"
        case .personAssessments(let id): return "/people/\(id.path)/assessments"
        case .organizationAssessments(let id): return "/organizations/\(id.path)/assessments"
        case .stakeholders: return "/stakeholders"
        case .personHistory(let id): return "/people/\(id.path)/history"
        case .organizations: return "/organizations"
        case .organization(let id): return "/organizations/\(id.path)"
        case .organizationRestore(let id): return "/organizations/\(id.path)/restore"
        case .organizationHistory(let id): return "/organizations/\(id.path)/history"
        case .positions: return "/positions"
        case .position(let id): return "/positions/\(id.path)"
        case .places: return "/places"
        case .place(let id): return "/places/\(id.path)"
        case .communities: return "/communities"
        case .community(let id): return "/communities/\(id.path)"
        case .visits: return "/visits"
        case .visit(let id): return "/visits/\(id.path)"
        case .visitRestore(let id): return "/visits/\(id.path)/restore"
        case .visitHistory(let id): return "/visits/\(id.path)/history"
        case .visitReport(let id): return "/visits/\(id.path)/report"
        case .publicUpdate(let id): return "/visits/\(id.path)/public-update"
        case .publicUpdateMarkdown(let id): return "/visits/\(id.path)/public-update.md"
        case .engagements: return "/engagements"
        case .engagement(let id): return "/engagements/\(id.path)"
        case .engagementRestore(let id): return "/engagements/\(id.path)/restore"
        case .engagementHistory(let id): return "/engagements/\(id.path)/history"
        case .engagementFollowUps(let id): return "/engagements/\(id.path)/follow-ups"
        case .engagementQuotes(let id): return "/engagements/\(id.path)/quotes"
        case .quote(let id): return "/quotes/\(id.path)"
        case .engagementPhotos(let id): return "/engagements/\(id.path)/photos"
        case .photo(let id): return "/photos/\(id.path)"
        case .photoFile(let id): return "/photos/\(id.path)/file"
        case .followUps: return "/follow-ups"
        case .followUp(let id): return "/follow-ups/\(id.path)"
        case .engagementKinds: return "/engagement-kinds"
        case .agreements: return "/agreements"
        case .agreement(let id): return "/agreements/\(id.path)"
        case .agreementRestore(let id): return "/agreements/\(id.path)/restore"
        case .agreementHistory(let id): return "/agreements/\(id.path)/history"
        case .agreementEngagements(let id): return "/agreements/\(id.path)/engagements"
        case .agreementDocuments(let id): return "/agreements/\(id.path)/documents"
        case .document(let id): return "/documents/\(id.path)"
        case .documentFile(let id): return "/documents/\(id.path)/file"
        case .workingGroups: return "/working-groups"
        case .workingGroup(let id): return "/working-groups/\(id.path)"
        case .workingGroupRestore(let id): return "/working-groups/\(id.path)/restore"
        case .workingGroupHistory(let id): return "/working-groups/\(id.path)/history"
        case .workingGroupMeetings(let id): return "/working-groups/\(id.path)/meetings"
        case .workingGroupDeliverables(let id): return "/working-groups/\(id.path)/deliverables"
        case .deliverable(let id): return "/deliverables/\(id.path)"
        case .recommendations: return "/recommendations"
        case .recommendation(let id): return "/recommendations/\(id.path)"
        case .recommendationRestore(let id): return "/recommendations/\(id.path)/restore"
        case .recommendationHistory(let id): return "/recommendations/\(id.path)/history"
        case .recommendationEvidence(let id): return "/recommendations/\(id.path)/evidence"
        case .coordination: return "/coordination"
        // Not under /coordination/: there it would be read as an activity's identity by the other methods.
        case .periodReport: return "/reports/period"
        case .search: return "/search"
        case .duplicates: return "/duplicates"
        case .mergePerson(let id): return "/people/\(id.path)/merge"
        case .mergeOrganization(let id): return "/organizations/\(id.path)/merge"
        case .coordinationExport: return "/coordination.csv"
        case .recordExport(let kind): return "/\(kind).csv"
        case .exportZip: return "/export.zip"
        case .calendarFeed: return "/me/calendar-feed"
        case .coordinationActivity(let id): return "/coordination/\(id.path)"
        case .coordinationRestore(let id): return "/coordination/\(id.path)/restore"
        case .coordinationHistory(let id): return "/coordination/\(id.path)/history"
        case .contextEvents: return "/context-events"
        case .contextEvent(let id): return "/context-events/\(id.path)"
        case .contextEventRestore(let id): return "/context-events/\(id.path)/restore"
        case .contextEventHistory(let id): return "/context-events/\(id.path)/history"
        case .me: return "/me"
        case .users: return "/users"
        case .user(let id): return "/users/\(id.uuidString.lowercased())"
        case .userHistory(let id): return "/users/\(id.uuidString.lowercased())/history"
        case .tokens: return "/tokens"
        case .token(let id): return "/tokens/\(id.uuidString.lowercased())"
        case .audit: return "/audit"
        }
    }
}

extension UUID {
    /// Identities in addresses are lower case.
    var path: String { uuidString.lowercased() }
}

extension Request {
    /// The `:id` parameter as a UUID; a malformed one is simply not found.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}
