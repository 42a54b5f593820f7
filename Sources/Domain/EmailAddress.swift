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
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else {
            return false
        }
        return true
    }
}

extension String {
    public func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first.isNewline { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace || last.isNewline { scalars.removeLast() }
        return String(scalars)
    }
}
