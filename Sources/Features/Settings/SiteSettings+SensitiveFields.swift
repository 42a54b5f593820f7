import Domain
import FluentKit
import Foundation
import Storage

/// Which personal fields are sensitive (`SensitiveFields`): community, contacts and notes until an
/// administrator chooses otherwise.
extension SiteSettings {
    public func sensitiveFields() async throws -> SensitiveFields {
        try await SiteSettingModel.find(SiteSettingModel.sensitiveFields, on: database).map { SensitiveFields(stored: $0.value) }
            ?? .defaults
    }

    /// Marks these fields as sensitive (and every other as not), audited like every change of the settings.
    public func setSensitiveFields(_ fields: SensitiveFields, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(SiteSettingModel.sensitiveFields, on: tx)
            let before = existing.map { SensitiveFields(stored: $0.value) } ?? .defaults
            guard before != fields else { return }
            try await Self.store(fields.stored, as: SiteSettingModel.sensitiveFields, over: existing, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: "sensitiveFields", from: before.stored, to: fields.stored)],
                                        at: now, on: tx)
        }
    }
}
