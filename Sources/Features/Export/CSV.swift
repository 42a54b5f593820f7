import Foundation

/// CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order mark so Excel
/// shows "Zvečan" and "Звечан" instead of mojibake. A cell that a spreadsheet would run as a formula
/// (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe: an exported name must
/// never become a command on a colleague's machine.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func document(_ rows: [[String]]) -> String {
        byteOrderMark + rows.map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
