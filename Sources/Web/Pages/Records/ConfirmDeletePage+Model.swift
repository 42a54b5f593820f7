import Foundation

/// "Delete Emilija Redžepi?": what deleting does, the version it deletes, and the way back.
enum ConfirmDeletePage {
    struct Model: Sendable {
        var name: String, action: SiteURL, cancel: SiteURL
        var version: Int
    }
}
