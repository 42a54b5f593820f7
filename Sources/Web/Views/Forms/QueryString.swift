import Foundation

/// Query strings for links that keep the current filters.
enum QueryString {
    static func encode(_ items: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return items.filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }
}
