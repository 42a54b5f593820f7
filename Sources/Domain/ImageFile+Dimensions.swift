/// How many pixels a picture says it has, read from its header without decoding it: a 900-megapixel PNG
/// of a few kilobytes (a decompression bomb) would take gigabytes to make its small copy, or to show.
extension ImageFile {
    /// The most pixels a photo may have: as many as the largest phone sensor (200 megapixels), far below
    /// what exhausts the server when decoded.
    public static let maximumPixels = 200_000_000

    /// Width and height from the header; nil when the header does not say (then the image is damaged).
    public static func dimensions(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        switch kind(of: bytes) {
        case .png: return pngDimensions(bytes)
        case .jpeg: return jpegDimensions(bytes)
        case .webp: return webpDimensions(bytes)
        case nil: return nil
        }
    }

    /// IHDR is the first chunk: width and height, 4 bytes each, big-endian.
    static func pngDimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 24, String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR" else { return nil }
        return (bigEndian(bytes[16..<20]), bigEndian(bytes[20..<24]))
    }

    /// The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) holds height and width.
    static func jpegDimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { index += 2; continue }
            let length = bigEndian(bytes[(index + 2)..<(index + 4)])
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard index + 9 <= bytes.count else { return nil }
                return (bigEndian(bytes[(index + 7)..<(index + 9)]), bigEndian(bytes[(index + 5)..<(index + 7)]))
            }
            if marker == 0xDA || length < 2 { return nil }
            index += 2 + length
        }
        return nil
    }

    /// VP8X (extended) carries the canvas, 24 bits each less one; VP8 (lossy) and VP8L (lossless) their
    /// frame's 14-bit sizes.
    static func webpDimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count >= 30 else { return nil }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        let payload = 20
        func little(_ at: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        switch chunk {
        case "VP8X": return (little(payload + 4, 3) + 1, little(payload + 7, 3) + 1)
        case "VP8 ": return (little(payload + 6, 2) & 0x3FFF, little(payload + 8, 2) & 0x3FFF)
        case "VP8L":
            let bits = little(payload + 1, 4)
            return ((bits & 0x3FFF) + 1, (bits >> 14 & 0x3FFF) + 1)
        default: return nil
        }
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
}
