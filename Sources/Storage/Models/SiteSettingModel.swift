import FluentKit
import Foundation

/// One of the site's settings, chosen by an administrator: a key and its value.
public final class SiteSettingModel: Model, @unchecked Sendable {
    public static let schema = "site_settings"

    /// The interface language for everyone who has not chosen their own.
    public static let defaultLanguage = "default_language"
    /// "true" when administrators and coordinators must use two-factor sign-in.
    public static let requireTwoFactor = "require_two_factor"
    /// The smallest count of people published as it is; smaller ones show as "fewer than …".
    public static let smallNumberThreshold = "small_number_threshold"
    /// The personal fields only readers with `readSensitiveFields` see (`SensitiveFields.stored`).
    public static let sensitiveFields = "sensitive_fields"
    /// How many months people with no engagement and no continuing reason are kept; absent: never listed.
    public static let retentionMonths = "retention_months"

    @ID(custom: "key", generatedBy: .user) public var id: String?
    @Field(key: "value") public var value: String
    @Field(key: "updated_at") public var updatedAt: Date

    public var properties: [any AnyProperty] { [$id, $value, $updatedAt] }

    public init() {}

    public init(key: String, value: String, now: Date) {
        self.id = key
        self.value = value
        self.updatedAt = now
    }
}
