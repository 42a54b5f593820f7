import Foundation

/// An optional that JSON writes as `null` when it has no value, where Swift's coders leave the key out: for
/// the few fields whose absence means something a client should read plainly ("never met", "off"). Declared
/// on the property, so a field added to the type later is written without a hand-written `encode(to:)`.
@propertyWrapper
public struct ExplicitNull<Value: Codable>: Codable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension ExplicitNull: Sendable where Value: Sendable {}
extension ExplicitNull: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// A missing key reads as no value, as it does for a plain optional (the synthesized decoder asks for the
    /// wrapper, which would otherwise require the key).
    public func decode<Value>(_ type: ExplicitNull<Value>.Type, forKey key: Key) throws -> ExplicitNull<Value> {
        try decodeIfPresent(type, forKey: key) ?? ExplicitNull(wrappedValue: nil)
    }
}
