/// An email address as people type it: trimmed and compared case-insensitively.
public enum EmailAddress {
    /// The form we store and compare: trimmed, lower-cased.
    public static func normalized(_ raw: String) -> String {
        raw.trimmingWhitespace().lowercased()
    }

    /// A deliberately simple check: one `@`, something before it, a dot in the domain, no spaces.
    /// Deliverability is not knowable from the text; this catches typing mistakes.
    public static func isValid(_ raw: String) -> Bool {
        let email = normalized(raw)
        guard email.count <= 254, !email.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].count >= 3 else { return false }
        let domain = parts[1]
        // Byte by byte: Foundation's substring search for ".." was most of this check's time in a large import.
        let bytes = Array(domain.utf8), dot = UInt8(ascii: ".")
        guard bytes.contains(dot), bytes.first != dot, bytes.last != dot,
              !zip(bytes, bytes.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else {
            return false
        }
        return true
    }
}

extension String {
    /// Without leading and trailing space of any kind: Unicode white space, line breaks, and the C0
    /// separators (U+001C–U+001F) that Python and many validators also count as space.
    public func trimmingWhitespace() -> String {
        // Most cells begin and end with a printable ASCII character: nothing to trim, no characters to walk.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return self }
        var characters = Substring(self)
        while let first = characters.first, first.isBlank { characters.removeFirst() }
        while let last = characters.last, last.isBlank { characters.removeLast() }
        return String(characters)
    }
}

extension Character {
    var isBlank: Bool {
        isWhitespace || isNewline || unicodeScalars.allSatisfy { (0x1C...0x1F).contains($0.value) }
    }
}
