import Domain
import Features
import FluentKit
import NIOConcurrencyHelpers
import Prometheus
import Vapor

/// The app's long-lived parts, built once in `configure` and reached through `app.roundtable`.
final class RoundtableServices: Sendable {
    let configuration: AppConfiguration
    let hasher: BcryptHasher
    let metrics: PrometheusCollectorRegistry
    let openAPIDocument: String
    let stylesheet: String
    /// Progressive enhancement only: every page works without it.
    let script: String
    /// The offline capture: the page script that keeps and sends, and the service worker whose version is
    /// this server's (a new or restarted server replaces the pages kept on devices; their captures stay).
    let offlineScript: String
    let serviceWorker: String
    /// Place and community menus, kept until a place or community changes.
    let choices = ChoiceCache()
    /// Who took part in what, in memory for the period report and the dashboard; kept current from the audit trail.
    let reach = ReachIndex()
    /// The site's default interface language (its setting, else `ROUNDTABLE_LANGUAGE`).
    let siteLanguage: SiteLanguage
    /// How far each import running in this process has come.
    let importProgress = ImportProgress()
    let photos: PhotoStore
    /// Agreements' documents: a folder of their own inside the photo folder.
    let documents: PhotoStore
    /// Once a user exists, setup can never be needed again, so this only ever turns true.
    private let setupDone = NIOLockedValueBox(false)

    init(configuration: AppConfiguration, hasher: BcryptHasher, metrics: PrometheusCollectorRegistry, openAPIDocument: String, stylesheet: String, script: String,
         offlineScript: String = "", serviceWorker: String = "") {
        self.configuration = configuration
        self.hasher = hasher
        self.metrics = metrics
        self.openAPIDocument = openAPIDocument
        self.stylesheet = stylesheet
        self.script = script
        self.offlineScript = offlineScript
        self.serviceWorker = serviceWorker
        self.siteLanguage = SiteLanguage(fallback: configuration.language)
        self.photos = PhotoStore(directory: configuration.resolvedPhotoDirectory)
        self.documents = PhotoStore(directory: configuration.resolvedPhotoDirectory.appendingPathComponent("documents", isDirectory: true))
    }

    func isSetupNeeded(on database: any Database) async throws -> Bool {
        if setupDone.withLockedValue({ $0 }) { return false }
        let needed = try await SetUpFirstAdministrator(database: database, hasher: hasher).isNeeded()
        if !needed { setupDone.withLockedValue { $0 = true } }
        return needed
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = RoundtableServices }

    var roundtable: RoundtableServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:_:) was not called") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}
