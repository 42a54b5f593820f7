/// A QR code (ISO/IEC 18004) for a short text, drawn as SVG.
///
/// Our own because the package mirror this project builds from has no QR library, and what we need is
/// small: the address an authenticator app reads when two-factor sign-in is set up. So only byte mode,
/// error correction level M, versions 1 to 10 (up to 213 bytes); the mask is chosen by the standard's
/// penalty score. Tests check the matrix against an independent encoder and a decoder (see MarkupTests).
public struct QRCode: Sendable, Equatable {
    public let version: Int
    public let mask: Int
    /// `modules[y][x]`, true for dark; `size` × `size`, without the quiet zone.
    public let modules: [[Bool]]

    public var size: Int { modules.count }

    /// The smallest version that holds the text, with the mask of lowest penalty (or the one given,
    /// for tests). Nil when the text is longer than version 10 holds.
    public init?(_ text: String, mask forcedMask: Int? = nil) {
        let bytes = Array(text.utf8)
        guard let version = (1...10).first(where: { QRCode.dataCapacity(version: $0) * 8 >= QRCode.bitsNeeded(bytes.count, version: $0) })
        else { return nil }
        var matrix = Matrix(version: version)
        matrix.drawFunctionPatterns()
        matrix.place(QRCode.codewords(bytes, version: version))
        let candidates = forcedMask.map { [$0] } ?? Array(0..<8)
        var best: (penalty: Int, mask: Int, modules: [[Bool]])?
        for mask in candidates {
            var masked = matrix
            masked.apply(mask: mask)
            masked.drawFormat(mask: mask)
            let penalty = QRCode.penalty(masked.modules)
            if best == nil || penalty < best!.penalty { best = (penalty, mask, masked.modules) }
        }
        self.version = version
        self.mask = best!.mask
        self.modules = best!.modules
    }

    /// The code as an SVG picture with its four-module quiet zone: one path of dark runs.
    public func svg(title: String, pixelsPerModule: Int = 4) -> String {
        let side = size + 8
        var path = ""
        // One rectangle per run of dark modules in a row.
        for (y, row) in modules.enumerated() {
            var x = 0
            while x < row.count {
                guard row[x] else { x += 1; continue }
                let start = x
                while x < row.count && row[x] { x += 1 }
                path += "M\(start + 4),\(y + 4)h\(x - start)v1h-\(x - start)z"
            }
        }
        let svg = Element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", "qr-code"), ("role", "img"), ("aria-label", title),
            ("viewBox", "0 0 \(side) \(side)"), ("width", String(side * pixelsPerModule)), ("height", String(side * pixelsPerModule)),
            ("shape-rendering", "crispEdges"),
        ], content: ComponentGroup(members: [
            SVG.shape("rect", [("width", String(side)), ("height", String(side)), ("fill", "#fff")]),
            SVG.shape("path", [("d", path), ("fill", "#000")]),
        ]))
        return svg.render()
    }

    /// The SVG of a text's QR code, or nil when the text is too long for version 10.
    public static func svg(_ text: String, title: String) -> String? {
        QRCode(text)?.svg(title: title)
    }

    // MARK: Data

    /// Level M: (EC codewords per block, [(blocks, data codewords per block)]) for versions 1–10.
    static let blocks: [(ec: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
    ]

    static func dataCapacity(version: Int) -> Int {
        blocks[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
    }

    /// Mode indicator, character count, the bytes.
    static func bitsNeeded(_ count: Int, version: Int) -> Int {
        4 + (version < 10 ? 8 : 16) + 8 * count
    }

    /// The data and error-correction codewords, interleaved as they are placed.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)
        bits.append(bytes.count, count: version < 10 ? 8 : 16)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacity = dataCapacity(version: version) * 8
        bits.append(0, count: min(4, capacity - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var data = bits.bytes
        var pad: UInt8 = 0xEC
        while data.count < capacity / 8 {
            data.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        let layout = blocks[version - 1]
        let divisor = ReedSolomon.divisor(degree: layout.ec)
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                dataBlocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, divisor: divisor) }
        var result: [UInt8] = []
        for i in 0..<(dataBlocks.map(\.count).max() ?? 0) {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<layout.ec {
            for block in ecBlocks { result.append(block[i]) }
        }
        return result
    }

    // MARK: Mask choice (ISO/IEC 18004 §7.8.3)

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

    // MARK: The matrix

    struct Matrix {
        let version: Int
        var modules: [[Bool]]
        /// Finder, timing, alignment, format and version modules: not data, never masked.
        var isFunction: [[Bool]]

        init(version: Int) {
            self.version = version
            let size = version * 4 + 17
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            isFunction = modules
        }

        var size: Int { modules.count }

        mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            isFunction[y][x] = true
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let x = cx + dx, y = cy + dy
                        guard x >= 0, x < size, y >= 0, y < size else { continue }
                        let distance = max(abs(dx), abs(dy))
                        set(x, y, distance != 2 && distance != 4)
                    }
                }
            }
            let positions = Self.alignmentPositions(version: version)
            let last = positions.count - 1
            for (i, cy) in positions.enumerated() {
                for (j, cx) in positions.enumerated() {
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            drawFormat(mask: 0) // reserves the format modules; drawn again with the chosen mask
            drawVersion()
        }

        static func alignmentPositions(version: Int) -> [Int] {
            guard version > 1 else { return [] }
            let table = [[6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50]]
            return table[version - 2]
        }

        /// Level M (bits 00) and the mask, with BCH(15,5) and the standard's XOR pattern, in both copies.
        mutating func drawFormat(mask: Int) {
            let data = mask // level M's two bits are 00
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = ((data << 10) | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true) // the dark module
        }

        /// Versions 7 and up carry their number, BCH(18,6), in two 6×3 blocks.
        mutating func drawVersion() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = (version << 12) | remainder
            for i in 0..<18 {
                let dark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }

        /// Two columns at a time from the bottom right, up then down, skipping the vertical timing pattern.
        mutating func place(_ codewords: [UInt8]) {
            var index = 0
            let total = codewords.count * 8
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vertical : vertical
                        if !isFunction[y][x] && index < total {
                            modules[y][x] = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                            index += 1
                        }
                    }
                }
                right -= 2
            }
        }

        mutating func apply(mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y][x] && QRCode.isMasked(mask, x: x, y: y) {
                    modules[y][x].toggle()
                }
            }
        }
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        guard count > 0 else { return }
        for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { byte, i in
                byte << 1 | (start + i < bits.count && bits[start + i] ? 1 : 0)
            }
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z)
    }

    /// The generator polynomial's coefficients (highest first, the leading 1 left out), roots α⁰…αⁿ⁻¹.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for i in 0..<result.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
