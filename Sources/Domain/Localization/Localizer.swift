/// Every word a user reads passes through here. Keys are stable identifiers; `{0}`, `{1}` … stand for the
/// arguments. A key one language lacks falls back to English and then to the key itself — the
/// catalogue tests keep that from ever happening in what we ship.
public struct Localizer: Sendable {
    public let language: Language
    private let messages: [String: GettextCatalog.Message]
    private let english: [String: GettextCatalog.Message]
    private let pluralArguments: [String: Int]

    public init(_ language: Language = .english, catalogues: Catalogues = .shipped) {
        self.language = language
        let catalog = catalogues.catalog(language)
        self.messages = catalog.messages
        self.english = language == .english ? [:] : catalogues.catalog(.english).messages
        self.pluralArguments = catalogues.catalog(.english).pluralArguments
    }

    /// A tag as settings and records write it (`sq`, `sr-Latn`); one we do not speak reads English.
    public init(language tag: String) {
        self.init(Language(tag: tag) ?? .english)
    }

    /// The language's tag (`sr-Cyrl`), as record data such as place names is keyed.
    public var tag: String { language.tag }

    public func callAsFunction(_ key: String, _ arguments: any LocalizedArgument...) -> String {
        text(key, arguments)
    }

    public func text(_ key: String, _ arguments: [any LocalizedArgument]) -> String {
        guard let message = messages[key] ?? english[key] else { return key }
        let template: String
        switch message {
        case .text(let text):
            template = text
        case .plural(let forms):
            template = form(of: forms, key: key, arguments: arguments)
        }
        guard !arguments.isEmpty else { return template }
        var result = template
        for (index, argument) in arguments.enumerated() {
            result = result.replacingOccurrences(of: "{\(index)}", with: argument.written(by: self))
        }
        return result
    }

    /// A plural message's templates (`{0}` for the number) by CLDR category, for a page script that counts
    /// on the device (with `Intl.PluralRules`, the same rules); a message that is not plural under `other`.
    public func pluralTemplates(_ key: String) -> [(PluralCategory, String)] {
        switch messages[key] ?? english[key] {
        case .plural(let forms):
            return zip(PluralRules.categories(for: language.tag), forms).map { ($0, $1) }
        case .text(let text):
            return [(.other, text)]
        case nil:
            return [(.other, key)]
        }
    }

    /// The plural form for the count: the argument the catalogue names (`#. plural counts {1}`), else the
    /// first number among the arguments; "other" when there is none.
    private func form(of forms: [String], key: String, arguments: [any LocalizedArgument]) -> String {
        let count: Int?
        if let index = pluralArguments[key], index < arguments.count {
            count = arguments[index].pluralOperand
        } else {
            count = arguments.lazy.compactMap(\.pluralOperand).first
        }
        let categories = PluralRules.categories(for: language.tag)
        let category = count.map { PluralRules.category(of: $0, in: language.tag) } ?? .other
        let index = categories.firstIndex(of: category) ?? categories.count - 1
        return forms[min(index, forms.count - 1)]
    }

    /// A field issue's message. An argument written `@key` is itself words of the catalogue (a field's
    /// name, a status) — the use case that found the issue knows what, the reader's language says how.
    public func message(_ issue: FieldIssue) -> String {
        text(issue.messageKey, issue.arguments.map { argument -> any LocalizedArgument in
            guard argument.hasPrefix("@"), has(String(argument.dropFirst())) else { return argument }
            return text(String(argument.dropFirst()), [])
        })
    }

    public func has(_ key: String) -> Bool { messages[key] != nil }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
