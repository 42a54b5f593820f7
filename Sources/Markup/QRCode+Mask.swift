/// Choosing the mask (ISO/IEC 18004 §7.8.3): of the eight, the one whose symbol scores the lowest penalty.
extension QRCode {
    static func penalty(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        var score = 0
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        // Rule 1: runs of five or more of one colour in a row or column.
        for line in modules + columns {
            var run = 1
            for i in 1..<size {
                if line[i] == line[i - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += 3 + run - 5 }
                    run = 1
                }
            }
            if run >= 5 { score += 3 + run - 5 }
        }
        // Rule 2: 2×2 blocks of one colour.
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y][x]
                if modules[y][x + 1] == colour && modules[y + 1][x] == colour && modules[y + 1][x + 1] == colour { score += 3 }
            }
        }
        // Rule 3: 1:1:3:1:1 finder-like patterns with four light modules on one side (outside the symbol is light).
        let pattern: [Bool] = [true, false, true, true, true, false, true]
        for line in modules + columns {
            func light(_ range: Range<Int>) -> Bool { range.allSatisfy { $0 < 0 || $0 >= size || !line[$0] } }
            for start in 0...(size - 7) where (0..<7).allSatisfy({ line[start + $0] == pattern[$0] }) {
                if light((start - 4)..<start) || light((start + 7)..<(start + 11)) { score += 40 }
            }
        }
        // Rule 4: how far the share of dark modules is from half, in steps of 5 %.
        let dark = modules.reduce(0) { total, row in total + row.filter { $0 }.count }
        let total = size * size
        score += abs(dark * 20 - total * 10) / total * 10
        return score
    }

    static func isMasked(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: return (x + y) % 2 == 0
        case 1: return y % 2 == 0
        case 2: return x % 3 == 0
        case 3: return (x + y) % 3 == 0
        case 4: return (x / 3 + y / 2) % 2 == 0
        case 5: return x * y % 2 + x * y % 3 == 0
        case 6: return (x * y % 2 + x * y % 3) % 2 == 0
        default: return ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }
}
