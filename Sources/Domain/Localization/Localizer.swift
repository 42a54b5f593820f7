/// Every user-facing string passes through here, so that Albanian and Serbian catalogues can be added
/// without touching views. Keys are stable identifiers; `{0}`, `{1}` … stand for arguments.
public struct Localizer: Sendable {
    public let language: String
    private let catalog: [String: String]

    public init(language: String = "en") {
        self.language = language
        // Only English exists for now; other languages fall back to it key by key.
        self.catalog = Catalogs.english
    }

    public func callAsFunction(_ key: String, _ arguments: String...) -> String {
        text(key, arguments)
    }

    public func text(_ key: String, _ arguments: [String]) -> String {
        guard var template = catalog[key] ?? Catalogs.english[key] else { return key }
        for (index, argument) in arguments.enumerated() {
            template = template.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return template
    }

    public func message(_ issue: FieldIssue) -> String { text(issue.messageKey, issue.arguments) }

    public func has(_ key: String) -> Bool { catalog[key] != nil }
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
