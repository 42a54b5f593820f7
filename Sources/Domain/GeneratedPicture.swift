import Foundation

/// Simple pictures drawn in code, written as PNG — for the demo's photos (no real people's faces) and for
/// tests. The image data is stored uncompressed (deflate "stored" blocks), which every PNG reader accepts.
public enum GeneratedPicture {
    /// A landscape-like picture: a sky gradient, hills and a few buildings, in colours from `seed`.
    public static func scene(width: Int, height: Int, seed: Int) -> [UInt8] {
        var rows: [UInt8] = []
        rows.reserveCapacity((width * 3 + 1) * height)
        let hue = UInt8(truncatingIfNeeded: 40 + (seed * 53) % 160)
        for y in 0..<height {
            rows.append(0) // filter: none
            for x in 0..<width {
                let hill = height * 3 / 5 + Int(Double(height) / 10 * sin(Double(x + seed * 17) / Double(max(width, 1)) * 6.3))
                let building = (x / max(width / 9, 1) + seed) % 3 == 0 && y > height * 2 / 5 + (x * 7 + seed) % (height / 5 + 1)
                if building && y < hill {
                    rows += [200, 190, 170]
                } else if y >= hill {
                    rows += [UInt8(40 + y * 60 / height), UInt8(90 + y * 80 / height), 50]
                } else {
                    rows += [UInt8(120 + y * 60 / height), UInt8(160 + y * 60 / height), hue &+ 60]
                }
            }
        }
        return png(width: width, height: height, rgbRows: rows)
    }

    /// A PNG of 8-bit RGB rows, each already prefixed by its filter byte.
    static func png(width: Int, height: Int, rgbRows: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        out += chunk("IHDR", be32(width) + be32(height) + [8, 2, 0, 0, 0])
        out += chunk("IDAT", zlibStored(rgbRows))
        out += chunk("IEND", [])
        return out
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return be32(data.count) + typeBytes + data + be32(Int(crc32(typeBytes + data)))
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var index = 0
        repeat {
            let size = min(65_535, data.count - index)
            let last: UInt8 = index + size >= data.count ? 1 : 0
            out += [last, UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8(~size >> 8 & 0xFF)]
            out += data[index..<(index + size)]
            index += size
        } while index < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        return out + be32(Int(b << 16 | a))
    }

    static func be32(_ value: Int) -> [UInt8] {
        [UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in bytes { c = crcTable[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
