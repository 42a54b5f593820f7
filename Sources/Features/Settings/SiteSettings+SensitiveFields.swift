import Domain
import FluentKit
import Foundation
import Storage

/// Which personal fields are sensitive (`SensitiveFields`): community, contacts and notes until an
/// administrator chooses otherwise.
extension SiteSettings {
    public func sensitiveFields() async throws -> SensitiveFields {
        try await stored(SiteSettingModel.sensitiveFields).map { SensitiveFields(stored: $0) }
            ?? .defaults
    }

    /// Marks these fields as sensitive (and every other as not), audited like every change of the settings.
    public func setSensitiveFields(_ fields: SensitiveFields, by actor: Actor, now: Date = Date()) async throws {
        try await change(SiteSettingModel.sensitiveFields, field: "sensitiveFields", to: fields.stored, by: actor, now: now) { stored in
            (stored.map(SensitiveFields.init(stored:)) ?? .defaults).stored
        }
    }
}
