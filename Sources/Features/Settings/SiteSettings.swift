import Domain
import FluentKit
import Foundation
import Storage

/// The settings an administrator chooses for the whole site: the interface language of everyone who has
/// not chosen theirs and whose browser asks for none of ours, and the threshold below which counts of
/// people are suppressed in what is published (`SmallNumbers`), and how long people with no engagement and no
/// continuing reason are kept before they are listed for review (`RetentionPeriod`).
public struct SiteSettings: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// The default language an administrator chose, if one did.
    public func defaultLanguage() async throws -> Language? {
        try await SiteSettingModel.find(SiteSettingModel.defaultLanguage, on: database).flatMap { Language(rawValue: $0.value) }
    }

    /// Sets (or, with nil, clears back to the server's `ROUNDTABLE_LANGUAGE`) the default language.
    public func setDefaultLanguage(_ language: Language?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(SiteSettingModel.defaultLanguage, on: tx)
            let before = existing?.value
            guard before != language?.rawValue else { return }
            try await Self.store(language?.rawValue, as: SiteSettingModel.defaultLanguage, over: existing, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: "defaultLanguage", from: before, to: language?.rawValue)],
                                        at: now, on: tx)
        }
    }

    /// Whether administrators and coordinators must use two-factor sign-in.
    public func requiresTwoFactor() async throws -> Bool {
        try await SiteSettingModel.find(SiteSettingModel.requireTwoFactor, on: database)?.value == "true"
    }

    public func setRequiresTwoFactor(_ required: Bool, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(SiteSettingModel.requireTwoFactor, on: tx)
            let before = existing?.value == "true"
            guard before != required else { return }
            try await Self.store(required ? "true" : "false", as: SiteSettingModel.requireTwoFactor, over: existing, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: "requireTwoFactor", from: before ? "yes" : "no", to: required ? "yes" : "no")],
                                        at: now, on: tx)
        }
    }

    /// The rule for small numbers, with the threshold an administrator chose (5 unless changed).
    public func smallNumbers() async throws -> SmallNumbers {
        let stored = try await SiteSettingModel.find(SiteSettingModel.smallNumberThreshold, on: database).flatMap { Int($0.value) }
        return SmallNumbers(threshold: stored.flatMap { SmallNumbers.allowedThresholds.contains($0) ? $0 : nil } ?? SmallNumbers.defaultThreshold)
    }

    /// Sets the threshold (3 to 100), audited like every change of the settings.
    public func setSmallNumberThreshold(_ threshold: Int, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        guard SmallNumbers.allowedThresholds.contains(threshold) else {
            throw DomainError.invalid([FieldIssue(field: "smallNumberThreshold", "settings.thresholdRange",
                                                  String(SmallNumbers.allowedThresholds.lowerBound), String(SmallNumbers.allowedThresholds.upperBound))])
        }
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(SiteSettingModel.smallNumberThreshold, on: tx)
            let before = existing?.value ?? String(SmallNumbers.defaultThreshold)
            guard before != String(threshold) else { return }
            try await Self.store(String(threshold), as: SiteSettingModel.smallNumberThreshold, over: existing, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: "smallNumberThreshold", from: before, to: String(threshold))],
                                        at: now, on: tx)
        }
    }

    /// How long people with no engagement and no continuing reason are kept; nil (the default): nobody is
    /// ever listed for review.
    public func retentionPeriod() async throws -> RetentionPeriod? {
        try await SiteSettingModel.find(SiteSettingModel.retentionMonths, on: database).flatMap { Int($0.value) }
            .flatMap { RetentionPeriod(months: $0) }
    }

    /// Sets the period in months (one of `RetentionPeriod.choices`), or turns the review off with nil;
    /// audited like every change of the settings.
    public func setRetentionPeriod(months: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        if let months, RetentionPeriod(months: months) == nil {
            throw DomainError.invalid(field: "retentionMonths", "field.notAChoice")
        }
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(SiteSettingModel.retentionMonths, on: tx)
            let before = existing?.value
            guard before != months.map(String.init) else { return }
            try await Self.store(months.map(String.init), as: SiteSettingModel.retentionMonths, over: existing, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: "retentionMonths", from: before, to: months.map(String.init))],
                                        at: now, on: tx)
        }
    }

    /// Writes a setting's new value over its row (or a new row); nil removes it, back to the default.
    static func store(_ value: String?, as key: String, over existing: SiteSettingModel?, now: Date, on tx: any Database) async throws {
        guard let value else {
            try await existing?.delete(on: tx)
            return
        }
        if let existing {
            existing.value = value
            existing.updatedAt = now
            try await existing.update(on: tx)
        } else {
            try await SiteSettingModel(key: key, value: value, now: now).create(on: tx)
        }
    }
}
