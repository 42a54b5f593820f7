import Foundation

/// A translation catalogue as translators' tools write it: a gettext `.po` file where each entry's
/// `msgctxt` is the key the code asks for, `msgid` the English words, and `msgstr` (or `msgstr[0]`,
/// `msgstr[1]` … for plurals, in the order of the language's CLDR categories) the translation.
public struct GettextCatalog: Sendable, Equatable {
    public enum Message: Sendable, Equatable {
        case text(String)
        /// One form per plural category, in `PluralRules.categories(for:)` order.
        case plural([String])
    }

    /// What the header's `Language:` says.
    public var language: String
    public var messages: [String: Message]
    /// The English of each entry (`msgid`), kept to check translations against their source.
    public var sources: [String: [String]] = [:]
    /// For a plural entry whose count is not its first number, the argument that counts: an extracted
    /// comment `#. plural counts {1}` above the entry ("Importing… {0} of {1} rows written").
    public var pluralArguments: [String: Int] = [:]

    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// Reads a `.po` file. An entry without `msgctxt` (the header) is read for its `Language:` only.
    public static func parse(_ text: String) throws -> GettextCatalog {
        var catalog = GettextCatalog(language: "", messages: [:])
        var entry = Entry()
        var field: String?
        func finish() throws {
            defer { entry = Entry(); field = nil }
            guard entry.hasContent else { return }
            guard let key = entry.context else {
                if entry.id == "" { catalog.language = Self.headerValue("Language", in: entry.strings[-1] ?? "") ?? "" }
                return
            }
            guard catalog.messages[key] == nil else { throw ParseError(line: entry.line, reason: "“\(key)” is in the catalogue twice") }
            if entry.idPlural != nil {
                let forms = entry.strings.keys.filter { $0 >= 0 }.sorted().map { entry.strings[$0]! }
                guard !forms.isEmpty, forms.count == entry.strings.count else { throw ParseError(line: entry.line, reason: "“\(key)” has no plural forms") }
                catalog.messages[key] = .plural(forms)
                if let argument = entry.pluralArgument { catalog.pluralArguments[key] = argument }
                catalog.sources[key] = [entry.id ?? "", entry.idPlural ?? ""]
            } else {
                guard let text = entry.strings[-1] else { throw ParseError(line: entry.line, reason: "“\(key)” has no msgstr") }
                catalog.messages[key] = .text(text)
                catalog.sources[key] = [entry.id ?? ""]
            }
        }
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { try finish(); continue }
            if line.hasPrefix("#.") {
                if entry.hasContent { try finish() }
                if entry.line == 0 { entry.line = number }
                entry.pluralArgument = Self.pluralArgument(in: line) ?? entry.pluralArgument
                continue
            }
            if line.hasPrefix("#") { continue }
            if line.hasPrefix("\"") {
                guard let field else { throw ParseError(line: number, reason: "a string outside an entry") }
                entry.append(try Self.unquote(line, line: number), to: field)
                continue
            }
            guard let space = line.firstIndex(of: " ") else { throw ParseError(line: number, reason: "not a gettext line") }
            let keyword = String(line[..<space])
            let value = try Self.unquote(String(line[line.index(after: space)...]).trimmingCharacters(in: .whitespaces), line: number)
            if keyword == "msgctxt", entry.hasContent { try finish() }
            if entry.line == 0 { entry.line = number }
            switch keyword {
            case "msgctxt", "msgid", "msgid_plural", "msgstr": break
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), Int(keyword.dropFirst(7).dropLast()) != nil else {
                    throw ParseError(line: number, reason: "unknown keyword \(keyword)")
                }
            }
            field = keyword
            entry.append(value, to: keyword, starting: true)
        }
        try finish()
        return catalog
    }

    /// `"a \"b\"\n"` → `a "b"` and a line break.
    static func unquote(_ quoted: String, line: Int) throws -> String {
        guard quoted.count >= 2, quoted.hasPrefix("\""), quoted.hasSuffix("\"") else { throw ParseError(line: line, reason: "a string must be in double quotes") }
        var out = ""
        var escaping = false
        for character in quoted.dropFirst().dropLast() {
            if escaping {
                switch character {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\"", "\\": out.append(character)
                default: throw ParseError(line: line, reason: "unknown escape \\\(character)")
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                throw ParseError(line: line, reason: "a quote inside a string must be written \\\"")
            } else {
                out.append(character)
            }
        }
        if escaping { throw ParseError(line: line, reason: "a string ends with a lone backslash") }
        return out
    }

    /// The text as a `.po` string: quoted, with quotes, backslashes and line breaks escaped.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func headerValue(_ name: String, in header: String) -> String? {
        for line in header.split(separator: "\n") where line.hasPrefix(name + ":") {
            return line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// `#. plural counts {1}` → 1.
    static func pluralArgument(in comment: String) -> Int? {
        guard let range = comment.range(of: "plural counts {") else { return nil }
        return Int(comment[range.upperBound...].prefix(while: \.isNumber))
    }

    /// One entry while it is read: `strings[-1]` is `msgstr`, `strings[n]` is `msgstr[n]`.
    private struct Entry {
        var line = 0
        var context: String?
        var id: String?
        var idPlural: String?
        var strings: [Int: String] = [:]
        var pluralArgument: Int?

        var hasContent: Bool { context != nil || id != nil || !strings.isEmpty }

        mutating func append(_ value: String, to keyword: String, starting: Bool = false) {
            func add(_ current: String?) -> String { starting ? value : (current ?? "") + value }
            switch keyword {
            case "msgctxt": context = add(context)
            case "msgid": id = add(id)
            case "msgid_plural": idPlural = add(idPlural)
            case "msgstr": strings[-1] = add(strings[-1])
            default:
                let index = Int(keyword.dropFirst(7).dropLast()) ?? 0
                strings[index] = add(strings[index])
            }
        }
    }
}
