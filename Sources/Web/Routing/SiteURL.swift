import Features
import Foundation
import Storage
import Vapor

/// Every address Roundtable answers, in one place: a record kind × an action, plus the few pages that are
/// not records. Routes are registered from `RoutePattern` and views link with `SiteURL` — the same enum
/// with a parameter or an identity in the record's place — so a link cannot point at a route that does
/// not exist.
enum Address<ID: AddressIdentity>: Sendable, Equatable {
    case home, setup, signIn, signOut, audit, dashboard, search, stakeholders
    case account, accountPassword, accountLanguage, accountCalendar, accountCalendarRevoke, settings
    /// After a password change: how many API tokens still work, and revoking them all.
    case accountPasswordChanged, accountTokensRevokeAll
    /// Two-factor sign-in: the second step of signing in, and setting it up, confirming and turning it off.
    case signInCode, accountTwoFactor, accountTwoFactorConfirm, accountTwoFactorOff
    /// A personal calendar feed; the secret in the address is the credential.
    case calendarFeed(String)
    case export, exportZip, csvExport(RecordExport.Kind), coordinationExport
    case duplicates, duplicatesDismiss
    /// People past the retention period, to keep or erase.
    case retentionReview
    case periodReport, periodReportFile(ReportFile)
    case stylesheet, script, healthz, metrics, openAPI
    /// The offline capture: the page script that keeps and sends, and the service worker (at the root, so it
    /// may answer for every page of the site).
    case offlineScript, serviceWorker
    /// `/people`: the list (GET) and adding to it (POST).
    case list(Resource)
    /// `/people/new`: the form for a new record.
    case new(Resource)
    /// `/people/bulk`: one change to the records chosen in the list.
    case bulk(Resource)
    /// `/people/{id}` and the paths under it (`/people/{id}/history`).
    case record(Resource, ID, RecordAction = .show)
    case api(APIAddress<ID>)

    /// The period report's downloads.
    enum ReportFile: String, Sendable {
        case markdown = "md", csv, html
    }

    func path(writing id: (ID) -> String) -> String {
        switch self {
        case .home: return "/"
        case .setup: return "/setup"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .audit: return "/audit"
        case .dashboard: return "/dashboard"
        case .search: return "/search"
        case .stakeholders: return "/stakeholders"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .accountPasswordChanged: return "/account/password/changed"
        case .accountTokensRevokeAll: return "/account/tokens/revoke"
        case .accountLanguage: return "/account/language"
        case .settings: return "/settings"
        case .accountCalendar: return "/account/calendar"
        case .accountCalendarRevoke: return "/account/calendar/revoke"
        case .signInCode: return "/sign-in/code"
        case .accountTwoFactor: return "/account/two-factor"
        case .accountTwoFactorConfirm: return "/account/two-factor/confirm"
        case .accountTwoFactorOff: return "/account/two-factor/off"
        case .calendarFeed(let secret): return "/calendar/\(secret).ics"
        case .export: return "/export"
        case .exportZip: return "/export.zip"
        case .csvExport(let kind): return "/\(kind.rawValue)/export.csv"
        case .coordinationExport: return "/coordination/export.csv"
        case .duplicates: return "/duplicates"
        case .duplicatesDismiss: return "/duplicates/dismiss"
        case .retentionReview: return "/retention-review"
        case .periodReport: return "/reports/period"
        case .periodReportFile(let file): return "/reports/period.\(file.rawValue)"
        case .stylesheet: return "/static/app.css"
        case .script: return "/static/app.js"
        case .offlineScript: return "/static/offline.js"
        case .serviceWorker: return "/sw.js"
        case .healthz: return "/healthz"
        case .metrics: return "/metrics"
        case .openAPI: return "/api/openapi.yaml"
        case .list(let resource): return "/" + resource.sitePath
        case .new(let resource): return "/" + resource.sitePath + "/new"
        case .bulk(let resource): return "/" + resource.sitePath + "/bulk"
        case .record(let resource, let identity, let action): return Self.join("/" + resource.sitePath, id(identity), action)
        case .api(let api): return "/api/v1" + api.path(writing: id)
        }
    }

    static func join(_ base: String, _ identity: String, _ action: RecordAction) -> String {
        action == .show ? base + "/" + identity : base + "/" + identity + "/" + action.rawValue
    }
}

/// Addresses under `/api/v1`.
enum APIAddress<ID: AddressIdentity>: Sendable, Equatable {
    case me, audit, search, stakeholders, periodReport, duplicates, retentionReview
    case exportZip, csvExport(RecordExport.Kind), coordinationExport
    /// The signed-in user's calendar feed address.
    case calendarFeed
    case list(Resource)
    case record(Resource, ID, RecordAction = .show)

    func path(writing id: (ID) -> String) -> String {
        switch self {
        case .me: return "/me"
        case .audit: return "/audit"
        case .search: return "/search"
        case .stakeholders: return "/stakeholders"
        case .periodReport: return "/reports/period"
        case .duplicates: return "/duplicates"
        case .retentionReview: return "/retention-review"
        case .exportZip: return "/export.zip"
        case .csvExport(let kind): return "/\(kind.rawValue).csv"
        // Not under /coordination/: there it would be read as an activity's identity by the other methods.
        case .coordinationExport: return "/coordination.csv"
        case .calendarFeed: return "/me/calendar-feed"
        case .list(let resource): return "/" + resource.apiPath
        case .record(let resource, let identity, let action): return Address<ID>.join("/" + resource.apiPath, id(identity), action)
        }
    }
}

/// What stands in a record's place in an address: an identity (a link) or the route's parameter.
protocol AddressIdentity: Sendable, Equatable {}

extension UUID: AddressIdentity {
    /// Identities in addresses are lower case.
    var path: String { UUIDText.lowerCase(self) }
}

/// The `:id` of a route pattern.
struct RouteParameter: AddressIdentity {
    static let id = RouteParameter()
}

/// A link.
typealias SiteURL = Address<UUID>
/// A route to register.
typealias RoutePattern = Address<RouteParameter>

extension Address where ID == UUID {
    var path: String { path(writing: \.path) }

    /// The address as an API response's `Location` header gives it: the identity spelt as the API's JSON spells
    /// every `id` (upper case, Foundation's form), so that a client holding both holds one name for the record.
    /// (With the two spellings, schemathesis took a record deleted through its `id` for another record than
    /// the one it had created at its `Location`, and reported its 404 as a created resource gone missing.)
    var location: String { path(writing: UUIDText.upperCase) }
}

extension Address where ID == RouteParameter {
    var pathComponents: [PathComponent] {
        // The feed's secret is not an identity; the handler takes ".ics" off the parameter.
        if case .calendarFeed = self { return [.constant("calendar"), .parameter("feed")] }
        return path(writing: { _ in ":id" }).split(separator: "/").map { $0 == ":id" ? .parameter("id") : .constant(String($0)) }
    }
}

extension Request {
    /// The `:id` parameter as a UUID; a malformed one is simply not found.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}
