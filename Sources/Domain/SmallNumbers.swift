/// Statistical disclosure control for everything meant for publication: a count of people by community,
/// gender, age band or place below the threshold (an administrator's setting, 5 unless changed) could point
/// at the people behind it, so it is shown as "fewer than 5" — the way humanitarian data is shared.
///
/// - **Primary suppression**: a count with `0 < count < threshold` is suppressed.
/// - **Zero is shown.** An empty cell describes nobody, and hiding every zero would hide most of a small
///   table for nothing. What a zero *can* do is help subtraction: beside a published total, the cells that
///   are shown (zeros included) are taken from the total to find a hidden one. That is exactly what
///   secondary suppression guards against, so zeros are treated like any shown cell there — but a zero is
///   chosen as a complement only when nothing else in the line can be: hiding a zero beside one hidden
///   count protects nothing, since the two still add up to the hidden count.
/// - **Secondary (complementary) suppression**: wherever a total is published and exactly one figure of
///   its line (a part, or the total itself) is suppressed, the smallest non-zero part still shown in the
///   line is suppressed too (or, when none is left, the total), repeating until no line has exactly one —
///   so no suppressed count can be recovered by taking the shown ones from a total. A hidden total counts
///   as hidden in every line it belongs to, so suppression cascades across rows and columns. A complement
///   is usually not small, so it is shown as "withheld", never as "fewer than 5" (which would be untrue,
///   and which a reader could see is untrue from the total).
///   The same is done when a line's shown figures would pin a "fewer than" count even with two or more
///   hidden: two hidden counts that add up to 2 are both 1, and a 1 beside a withheld 5 in a total of 6
///   is 1 to a reader who knows a complement is never small.
///   The lines are read together (`ranges`): a named few beside a head-count, both hidden, could otherwise
///   be pinned by the people reached and an age breakdown of the head-count. This narrows ranges line by
///   line until stable; it does not solve all lines at once by linear programming as statistical offices do.
/// - The threshold is at least 3: with zeros shown, "fewer than 2" would say "exactly 1".
/// - **Totals** are shown, unless they are below the threshold themselves (or needed as a complement).
///   No figure is exempt: a total that could never be hidden would leave a line of one small part
///   unprotectable.
public struct SmallNumbers: Sendable, Equatable {
    public static let defaultThreshold = 5
    /// The smallest and largest thresholds an administrator may choose.
    public static let allowedThresholds = 3...100

    public var threshold: Int

    public init(threshold: Int = SmallNumbers.defaultThreshold) { self.threshold = threshold }

    /// One published figure: exact, "fewer than `threshold`" (primary), or withheld (a complement).
    public enum Cell: Sendable, Equatable, CustomStringConvertible {
        case exact(Int)
        case fewerThan
        case withheld

        public var isHidden: Bool { self == .fewerThan || self == .withheld }
        /// "12", "<" or "x": the short form the tests compare.
        public var description: String {
            switch self {
            case .exact(let n): return String(n)
            case .fewerThan: return "<"
            case .withheld: return "x"
            }
        }
    }

    /// Figures that add up to another published figure: a row, a column, or a breakdown and its total.
    public struct Line<Key: Hashable & Sendable>: Sendable {
        public var parts: [Key]
        public var total: Key
        public init(parts: [Key], total: Key) {
            self.parts = parts
            self.total = total
        }
    }

    /// Primary suppression: would this count be hidden on its own?
    public func isSmall(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// Every figure of `values` as it may be published, after primary and secondary suppression.
    /// Parts or totals missing from `values` count as 0.
    public func cells<Key: Hashable & Sendable>(_ values: [Key: Int], lines: [Line<Key>] = []) -> [Key: Cell] {
        let primary = Set(values.filter { isSmall($0.value) }.keys)
        var hidden = primary
        /// The smallest non-zero part of the line still shown; else its total; else a zero part (see above).
        func complement(in line: Line<Key>) -> Key? {
            let shownParts = line.parts.filter { !hidden.contains($0) }
            let nonZero = shownParts.filter { (values[$0] ?? 0) > 0 }.min { (values[$0] ?? 0) < (values[$1] ?? 0) }
            return nonZero ?? (hidden.contains(line.total) ? nil : line.total) ?? shownParts.first
        }
        var changed = true
        while changed {
            changed = false
            for line in lines where (line.parts + [line.total]).filter({ hidden.contains($0) }).count == 1 {
                guard let key = complement(in: line) else { continue }
                hidden.insert(key)
                changed = true
            }
            if changed { continue }
            // No line has a single hidden figure; can the lines together still pin a small count?
            let range = ranges(values, lines: lines, primary: primary, hidden: hidden)
            for line in lines {
                guard line.parts.contains(where: { primary.contains($0) && range[$0].map { $0.0 >= $0.1 } == true })
                        || (primary.contains(line.total) && range[line.total].map { $0.0 >= $0.1 } == true),
                      let key = complement(in: line) else { continue }
                hidden.insert(key)
                changed = true
                break
            }
        }
        var cells: [Key: Cell] = [:]
        for key in Set(values.keys).union(lines.flatMap { $0.parts + [$0.total] }) {
            cells[key] = primary.contains(key) ? .fewerThan : hidden.contains(key) ? .withheld : .exact(values[key] ?? 0)
        }
        return cells
    }

    /// How far a reader who knows this rule can narrow each hidden figure, from all the lines together: a
    /// "fewer than" count lies in 1…threshold − 1, a withheld one is at least the threshold (a complement is
    /// never small, or it would have been hidden first), shown figures are what they say, and each line's
    /// parts add up to its total. Each line narrows its hidden figures from the others' ranges, round after
    /// round, until nothing changes (bounds, not linear programming: what is narrowed is a safe guess of
    /// what a reader could find, though a reader solving all the lines at once might find a little more).
    func ranges<Key: Hashable & Sendable>(_ values: [Key: Int], lines: [Line<Key>], primary: Set<Key>, hidden: Set<Key>) -> [Key: (Int, Int)] {
        let unbounded = 1_000_000_000_000
        var range: [Key: (Int, Int)] = [:]
        for key in hidden { range[key] = primary.contains(key) ? (1, threshold - 1) : (threshold, unbounded) }
        func bounds(_ key: Key) -> (Int, Int) { range[key] ?? (values[key] ?? 0, values[key] ?? 0) }
        var changed = true, rounds = 0
        while changed && rounds < 50 {
            changed = false
            rounds += 1
            for line in lines {
                // Parts count +1, the total −1: the members add up to zero.
                let members = line.parts.map { ($0, 1) } + [(line.total, -1)]
                for (index, (key, sign)) in members.enumerated() where hidden.contains(key) {
                    var low = 0, high = 0 // the others' signed sum
                    for (other, (otherKey, otherSign)) in members.enumerated() where other != index {
                        let (lo, hi) = bounds(otherKey)
                        low += otherSign > 0 ? lo : -hi
                        high += otherSign > 0 ? hi : -lo
                    }
                    // sign · value = −(the others' sum)
                    let ends = sign > 0 ? (-high, -low) : (low, high)
                    let (lo, hi) = bounds(key)
                    let narrowed = (max(lo, ends.0), min(hi, ends.1))
                    // Figures that do not add up (a "more than" count) narrow nothing.
                    guard narrowed.0 <= narrowed.1, narrowed != (lo, hi) else { continue }
                    range[key] = narrowed
                    changed = true
                }
            }
        }
        return range
    }

    /// A breakdown and its total (a head-count by gender, a report's people by community …).
    public func breakdown(_ parts: [Int], total: Int) -> (parts: [Cell], total: Cell) {
        var values: [Int: Int] = [-1: total]
        for (index, n) in parts.enumerated() { values[index] = n }
        let cells = cells(values, lines: [Line(parts: Array(parts.indices), total: -1)])
        return (parts.indices.map { cells[$0]! }, cells[-1]!)
    }

    /// A table published with its row totals, column totals and grand total.
    public struct Table: Sendable, Equatable {
        public var cells: [[Cell]]
        public var rowTotals: [Cell]
        public var columnTotals: [Cell]
        public var total: Cell
    }

    public func table(_ counts: [[Int]]) -> Table {
        enum Key: Hashable, Sendable { case cell(Int, Int), row(Int), column(Int), total }
        let rows = counts.count, columns = counts.map(\.count).max() ?? 0
        func count(_ r: Int, _ c: Int) -> Int { c < counts[r].count ? counts[r][c] : 0 }
        var values: [Key: Int] = [.total: counts.joined().reduce(0, +)]
        for r in 0..<rows {
            values[.row(r)] = counts[r].reduce(0, +)
            for c in 0..<columns { values[.cell(r, c)] = count(r, c) }
        }
        for c in 0..<columns { values[.column(c)] = (0..<rows).map { count($0, c) }.reduce(0, +) }
        var lines = (0..<rows).map { r in Line(parts: (0..<columns).map { Key.cell(r, $0) }, total: .row(r)) }
        lines += (0..<columns).map { c in Line(parts: (0..<rows).map { Key.cell($0, c) }, total: .column(c)) }
        lines.append(Line(parts: (0..<rows).map { Key.row($0) }, total: .total))
        lines.append(Line(parts: (0..<columns).map { Key.column($0) }, total: .total))
        let shown = cells(values, lines: lines)
        func cell(_ key: Key) -> Cell { shown[key]! }
        return Table(cells: (0..<rows).map { r in (0..<columns).map { cell(.cell(r, $0)) } },
                     rowTotals: (0..<rows).map { cell(.row($0)) }, columnTotals: (0..<columns).map { cell(.column($0)) },
                     total: cell(.total))
    }
}
