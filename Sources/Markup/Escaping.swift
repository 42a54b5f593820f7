/// HTML escaping. Text content escapes `&`, `<` and `>`; attribute values also escape `"`. Everything
/// else, any script included, is written as it is (pages are UTF-8).
public enum Escaping {
    public static func appendText(_ text: String, to html: inout String) {
        append(text, to: &html, quotes: false)
    }

    public static func appendAttribute(_ value: String, to html: inout String) {
        append(value, to: &html, quotes: true)
    }

    private static func append(_ text: String, to html: inout String, quotes: Bool) {
        let utf8 = text.utf8
        // Most text needs no escaping: one scan, one append.
        guard utf8.contains(where: { needsEscape($0, quotes: quotes) }) else {
            html += text
            return
        }
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let byte = utf8[index]
            if needsEscape(byte, quotes: quotes) {
                html += text[start..<index]
                switch byte {
                case UInt8(ascii: "&"): html += "&amp;"
                case UInt8(ascii: "<"): html += "&lt;"
                case UInt8(ascii: ">"): html += "&gt;"
                default: html += "&quot;"
                }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        html += text[start..<utf8.endIndex]
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case UInt8(ascii: "\""): quotes
        default: false
        }
    }
}
