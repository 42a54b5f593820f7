/// A fixed query's text cut where its values go, by one pass over its bytes. Every run of a fixed query
/// reads its text again (PostgresNIO asks for the SQL each time; SQLite binds through SQLKit), six times a
/// people page. A regex literal did it before, and Swift parses and compiles a regex literal each time it is
/// evaluated: about 100 µs a run against 1 µs for this, 2.8 % of the people list's time on SQLite when it ran
/// three times, more than SQLite took to answer the statement (docs/benchmarks.md).
struct FixedQueryText {
    /// The text around the values: one piece more than there are values.
    let pieces: [Substring]
    /// Which value (counted from 0) stands after each piece but the last.
    let values: [Int]
    /// A number in braces this large is text, not a value.
    static let tooMany = 10_000

    init(_ sql: String) {
        var pieces: [Substring] = []
        var values: [Int] = []
        let bytes = sql.utf8
        var pieceStart = bytes.startIndex
        var at = bytes.startIndex
        while at != bytes.endIndex {
            guard bytes[at] == UInt8(ascii: "{") else {
                at = bytes.index(after: at)
                continue
            }
            // `{`, one or more digits, `}`; anything else is the text's own.
            var end = bytes.index(after: at)
            var number = 0
            while end != bytes.endIndex, (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains(bytes[end]) {
                // Past any query's count of values, and short of overflowing: text.
                number = min(number * 10 + Int(bytes[end] - UInt8(ascii: "0")), Self.tooMany)
                end = bytes.index(after: end)
            }
            guard number > 0, number < Self.tooMany, end != bytes.endIndex, bytes[end] == UInt8(ascii: "}") else {
                at = bytes.index(after: at)
                continue
            }
            pieces.append(sql[pieceStart ..< at])
            values.append(number - 1)
            at = bytes.index(after: end)
            pieceStart = at
        }
        pieces.append(sql[pieceStart...])
        self.pieces = pieces
        self.values = values
    }
}
