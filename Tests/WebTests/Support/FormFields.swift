import Foundation

/// What a browser would post from a form on a page, read from its HTML: every named input with its value
/// (checkboxes only when checked), each select's chosen option (else its first), each textarea's text. A
/// test edits a record "without touching anything" by posting these back.
enum FormFields {
    static func read(_ html: String, action: String) -> [String: String] {
        guard let start = html.range(of: "action=\"\(action)\""), let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex) else { return [:] }
        let form = String(html[start.upperBound..<end.lowerBound])
        var fields: [String: String] = [:]
        for tag in matches(#"<input\b[^>]*>"#, in: form) {
            let a = attributes(tag)
            guard let name = a["name"] else { continue }
            if a["type"] == "checkbox" && a["checked"] == nil { continue }
            fields[name] = a["value"] ?? ""
        }
        for select in matches(#"<select\b[^>]*>.*?</select>"#, in: form) {
            guard let name = attributes(select)["name"] else { continue }
            let options = matches(#"<option\b[^>]*>"#, in: select).map(attributes)
            fields[name] = (options.first { $0["selected"] != nil } ?? options.first)?["value"] ?? ""
        }
        for area in matches(#"<textarea\b[^>]*>.*?</textarea>"#, in: form) {
            guard let name = attributes(area)["name"], let open = area.firstIndex(of: ">"), let close = area.range(of: "</textarea>") else { continue }
            fields[name] = unescape(String(area[area.index(after: open)..<close.lowerBound]))
        }
        return fields
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { String(text[$0]) } }
    }

    /// The first tag's attributes; a bare attribute (`checked`, `selected`) reads as "".
    static func attributes(_ tag: String) -> [String: String] {
        let head = String(tag.prefix { $0 != ">" })
        var result: [String: String] = [:]
        for piece in matches(#"\s([a-zA-Z-]+)(="[^"]*")?"#, in: head) {
            let parts = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? unescape(String(parts[1].dropFirst().dropLast())) : ""
        }
        return result
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
