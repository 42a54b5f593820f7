import Foundation

/// "Delete Emilija Redžepi?": what deleting does, the version it deletes, and the way back.
enum ConfirmDeletePage {
    struct Model: Sendable {
        var name: String
        var action: SiteURL
        var cancel: SiteURL
        var version: Int
    }
}
