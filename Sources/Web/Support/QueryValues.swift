import Foundation

/// `a=1&b=x+y` → ["a": "1", "b": "x y"], as a form submitted with GET encodes it. The first of repeated
/// names wins; a name without `=` has an empty value.
enum QueryValues {
    static func parse(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var values: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]), !name.isEmpty, values[name] == nil else { continue }
            values[name] = parts.count > 1 ? decode(parts[1]) ?? "" : ""
        }
        return values
    }

    private static func decode(_ text: Substring) -> String? {
        (text.contains("+") ? text.replacingOccurrences(of: "+", with: " ") : String(text)).removingPercentEncoding
    }
}
