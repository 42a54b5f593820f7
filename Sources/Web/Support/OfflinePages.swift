import Domain
import FluentKit
import Foundation
import Storage
import Vapor

/// Which pages a device may keep to open with no connection. The service worker keeps only pages that
/// carry this mark, and drops its copy of a page that comes back without it. The server gives it only to
/// pages a field officer needs offline — the log form, a visit, their follow-ups, the waiting list — and
/// never to one that shows a restricted record, so no restricted record is ever kept on a device.
enum OfflinePages {
    static let header = "X-Roundtable-Offline"

    private struct Mark: StorageKey { typealias Value = Bool }

    /// Marks the page being made as one a device may keep (`Pages.response` writes the header).
    static func allow(_ req: Request) { req.storage[Mark.self] = true }

    static func isAllowed(_ req: Request) -> Bool { req.storage[Mark.self] ?? false }

    /// Whether any of these engagements, or people, is restricted — asked only for readers who could see one.
    static func showsRestricted(engagements: [UUID], people: [UUID], to req: Request) async throws -> Bool {
        guard req.actor.canSee(.restricted) else { return false }
        if !engagements.isEmpty {
            let restricted = try await EngagementModel.query(on: req.db).filter(\.$id ~~ engagements)
                .filter(\.$confidentiality == .restricted).count()
            if restricted > 0 { return true }
        }
        if !people.isEmpty {
            let restricted = try await PersonModel.query(on: req.db).filter(\.$id ~~ people)
                .filter(\.$sensitivity == .restricted).count()
            if restricted > 0 { return true }
        }
        return false
    }
}
