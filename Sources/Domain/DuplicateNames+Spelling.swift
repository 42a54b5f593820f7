import Foundation

/// One spelling per sound, so that Albanian and Serbian Latin spellings of one name are one key.
extension DuplicateNames {
    /// Folded words, each in one spelling per sound.
    static func words(of name: String) -> [String] { NameFolding.tokens(name).map(spelling) }

    /// Albanian and Serbian Latin write some sounds differently; after folding (which drops the carons
    /// of č, ž, š, dž) these pairs remain: xh/dz (Rexhepi/Redžepi), zh/z, sh/s, ç→c (Kçira), q/c
    /// (Albanian q is ć), gj/d (Gjorgji/Đorđi), dh/d, th/t, doubled ll and rr.
    static func spelling(_ word: String) -> String {
        // On bytes, in one pass: this runs for every word of every row of an import.
        let bytes = Array(word.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i], next = i + 1 < bytes.count ? bytes[i + 1] : 0
            if let pair = digraphs[UInt16(byte) << 8 | UInt16(next)] {
                out += pair
                i += 2
                continue
            }
            out.append(singles[byte] ?? byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let digraphs: [UInt16: [UInt8]] = Dictionary(uniqueKeysWithValues: [
        ("xh", "dz"), ("zh", "z"), ("sh", "s"), ("ch", "c"), ("gj", "d"), ("dh", "d"), ("th", "t"), ("ll", "l"), ("rr", "r"),
    ].map { from, to in
        let f = Array(from.utf8)
        return (UInt16(f[0]) << 8 | UInt16(f[1]), Array(to.utf8))
    })

    private static let singles: [UInt8: UInt8] = [UInt8(ascii: "q"): UInt8(ascii: "c"), UInt8(ascii: "y"): UInt8(ascii: "i"), UInt8(ascii: "w"): UInt8(ascii: "v")]
}
