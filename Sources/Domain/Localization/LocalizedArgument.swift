/// What a catalogue's `{0}`, `{1}` … can stand for: words as they are, or a number written as the reader's
/// language writes it (`12 345`, `12.345`) that also chooses the plural form.
public protocol LocalizedArgument: Sendable {
    func written(by text: Localizer) -> String
    /// The number a plural form is chosen by, if this is one.
    var pluralOperand: Int? { get }
}

extension String: LocalizedArgument {
    public func written(by text: Localizer) -> String { self }
    /// Counts that arrive already written as digits ("3") still choose the form.
    public var pluralOperand: Int? {
        guard !isEmpty, count < 19, allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(self)
    }
}

extension Substring: LocalizedArgument {
    public func written(by text: Localizer) -> String { String(self) }
    public var pluralOperand: Int? { String(self).pluralOperand }
}

extension Int: LocalizedArgument {
    public func written(by text: Localizer) -> String { text.number(self) }
    public var pluralOperand: Int? { self }
}
