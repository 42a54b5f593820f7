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
        try await stored(SiteSettingModel.defaultLanguage).flatMap { Language(rawValue: $0) }
    }

    /// Sets (or, with nil, clears back to the server's `ROUNDTABLE_LANGUAGE`) the default language.
    public func setDefaultLanguage(_ language: Language?, by actor: Actor, now: Date = Date()) async throws {
        try await change(SiteSettingModel.defaultLanguage, field: "defaultLanguage", to: language?.rawValue, by: actor, now: now) { $0 }
    }

    /// Whether administrators and coordinators must use two-factor sign-in.
    public func requiresTwoFactor() async throws -> Bool {
        try await stored(SiteSettingModel.requireTwoFactor) == "true"
    }

    public func setRequiresTwoFactor(_ required: Bool, by actor: Actor, now: Date = Date()) async throws {
        try await change(SiteSettingModel.requireTwoFactor, field: "requireTwoFactor", to: required ? "true" : "false", by: actor, now: now) {
            $0 == "true" ? "yes" : "no"
        }
    }

    /// The rule for small numbers, with the threshold an administrator chose (5 unless changed).
    public func smallNumbers() async throws -> SmallNumbers {
        let chosen = try await stored(SiteSettingModel.smallNumberThreshold).flatMap { Int($0) }
        return SmallNumbers(threshold: chosen.flatMap { SmallNumbers.allowedThresholds.contains($0) ? $0 : nil } ?? SmallNumbers.defaultThreshold)
    }

    /// Sets the threshold (3 to 100), audited like every change of the settings.
    public func setSmallNumberThreshold(_ threshold: Int, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        guard SmallNumbers.allowedThresholds.contains(threshold) else {
            throw DomainError.invalid([FieldIssue(field: "smallNumberThreshold", "settings.thresholdRange",
                                                  String(SmallNumbers.allowedThresholds.lowerBound), String(SmallNumbers.allowedThresholds.upperBound))])
        }
        try await change(SiteSettingModel.smallNumberThreshold, field: "smallNumberThreshold", to: String(threshold), by: actor, now: now) {
            $0 ?? String(SmallNumbers.defaultThreshold)
        }
    }

    /// How long people with no engagement and no continuing reason are kept; nil (the default): nobody is
    /// ever listed for review.
    public func retentionPeriod() async throws -> RetentionPeriod? {
        try await stored(SiteSettingModel.retentionMonths).flatMap { Int($0) }
            .flatMap { RetentionPeriod(months: $0) }
    }

    /// Sets the period in months (one of `RetentionPeriod.choices`), or turns the review off with nil;
    /// audited like every change of the settings.
    public func setRetentionPeriod(months: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        if let months, RetentionPeriod(months: months) == nil {
            throw DomainError.invalid(field: "retentionMonths", "field.notAChoice")
        }
        try await change(SiteSettingModel.retentionMonths, field: "retentionMonths", to: months.map(String.init), by: actor, now: now) { $0 }
    }

    /// Every setter's path: an administrator's change, written (nil removes the row: back to the default)
    /// with its audit entry in one transaction, and nothing at all when it changes nothing. `shown` is what
    /// the history says of a stored value (nil: not set) — a default's value, "yes"/"no" — and decides
    /// whether it changed, so that setting the default explicitly is no change.
    func change(_ key: String, field: String, to value: String?, by actor: Actor, now: Date,
                shown: @escaping @Sendable (String?) -> String?) async throws {
        try actor.require(.manageSettings)
        try await database.transaction { tx in
            let existing = try await SiteSettingModel.find(key, on: tx)
            let before = shown(existing?.value), after = shown(value)
            guard before != after else { return }
            if let value, let existing {
                existing.value = value
                existing.updatedAt = now
                try await existing.update(on: tx)
            } else if let value {
                try await SiteSettingModel(key: key, value: value, now: now).create(on: tx)
            } else {
                try await existing?.delete(on: tx)
            }
            try await AuditTrail.record(.update, by: actor, recordType: "settings", recordID: nil, recordLabel: "settings",
                                        changes: [FieldChange(field: field, from: before, to: after)], at: now, on: tx)
        }
    }
}
