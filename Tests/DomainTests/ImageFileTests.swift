import Domain
import Testing

@Suite("Photos: the type from the content, metadata removed")
struct ImageFileTests {
    /// A tiny JPEG-shaped file: SOI, JFIF, an EXIF segment with a GPS-looking payload, a comment, tables, a scan, EOI.
    static func jpegWithExif() -> [UInt8] {
        let exif: [UInt8] = Array("Exif\0\0GPS 42.88N 20.86E Canon EOS".utf8)
        let jfif: [UInt8] = Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        let comment: [UInt8] = Array("taken at the safe house".utf8)
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        return [0xFF, 0xD8] + segment(0xE0, jfif) + segment(0xE1, exif) + segment(0xFE, comment)
            + segment(0xDB, Array(repeating: 1, count: 65)) + segment(0xC0, [8, 0, 40, 0, 64, 1, 1, 0x11, 0]) + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0x00, 0x56] + [0xFF, 0xD9]
    }

    @Test func aJPEGLosesItsEXIFAndCommentsAndKeepsItsPicture() throws {
        let (kind, bytes) = try ImageFile.stripped(Self.jpegWithExif())
        #expect(kind == .jpeg)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("GPS") && !text.contains("Canon") && !text.contains("safe house"))
        #expect(text.contains("JFIF"))
        #expect(Array(bytes.suffix(7)) == [0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9], "the scan is untouched")
    }

    @Test func aPNGLosesItsTextChunks() throws {
        let picture = GeneratedPicture.scene(width: 8, height: 6, seed: 1)
        // a tEXt chunk after IHDR (8 signature bytes + 25 of IHDR)
        let text = Array("Comment\0GPS 42.88N".utf8)
        let chunk = [UInt8(0), 0, 0, UInt8(text.count)] + Array("tEXt".utf8) + text + [0, 0, 0, 0]
        let tagged = Array(picture[0..<33]) + chunk + Array(picture[33...])
        let (kind, bytes) = try ImageFile.stripped(tagged)
        #expect(kind == .png)
        #expect(bytes == picture)
    }

    @Test func aWebPLosesEXIFAndItsFlag() throws {
        func chunk(_ type: String, _ payload: [UInt8]) -> [UInt8] {
            let size = payload.count
            return Array(type.utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), 0, 0] + payload + (size % 2 == 1 ? [0] : [])
        }
        let vp8x = chunk("VP8X", [0x08, 0, 0, 0, 7, 0, 0, 7, 0, 0])
        let image = chunk("VP8L", [0x2F, 1, 2, 3, 4])
        let exif = chunk("EXIF", Array("GPS 42.88N".utf8))
        let body = Array("WEBP".utf8) + vp8x + image + exif
        let file = Array("RIFF".utf8) + [UInt8(body.count & 0xFF), UInt8(body.count >> 8 & 0xFF), 0, 0] + body
        let (kind, bytes) = try ImageFile.stripped(file)
        #expect(kind == .webp)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("GPS"))
        #expect(bytes[20] & 0x08 == 0, "the EXIF flag is cleared")
        let declared = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16 | Int(bytes[7]) << 24
        #expect(declared == bytes.count - 8, "the RIFF size matches what is left")
    }

    @Test("files that are not images are refused, whatever they are called", arguments: [
        Array("%PDF-1.7 not a photo".utf8), Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8), [UInt8](), [0xFF, 0xD8],
    ])
    func notImages(bytes: [UInt8]) {
        #expect(throws: ImageFile.Problem.self) { try ImageFile.stripped(bytes) }
    }

    @Test func generatedPicturesAreValidPNGs() throws {
        let picture = GeneratedPicture.scene(width: 320, height: 200, seed: 3)
        #expect(ImageFile.kind(of: picture) == .png)
        #expect(try ImageFile.stripped(picture).bytes == picture)
    }
}

extension ImageFileTests {
    /// A phone photo taken upright: EXIF with orientation 6 (rotate 90°) beside GPS and camera tags.
    static func phoneJPEG(orientation: UInt16) -> [UInt8] {
        // little-endian TIFF: IFD0 with Make (ASCII, 6 bytes at offset 38), Orientation, GPS IFD pointer
        var tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x03, 0x00]
        tiff += [0x0F, 0x01, 0x02, 0x00, 0x06, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00] // Make → offset 38
        tiff += [0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, UInt8(orientation & 0xFF), 0x00, 0x00, 0x00]
        tiff += [0x25, 0x88, 0x04, 0x00, 0x01, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00] // GPS IFD → offset 44
        tiff += [0x00, 0x00, 0x00, 0x00] + Array("Canon\0".utf8) + Array("GPS42N".utf8)
        let exif = Array("Exif\0\0".utf8) + tiff
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            [0xFF, marker, UInt8((payload.count + 2) >> 8), UInt8((payload.count + 2) & 0xFF)] + payload
        }
        return [0xFF, 0xD8] + segment(0xE1, exif) + segment(0xDB, Array(repeating: 1, count: 65))
            + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34] + [0xFF, 0xD9]
    }

    @Test func aPhoneFotoKeepsWhichWayUpItIsAndNothingElse() throws {
        let (_, bytes) = try ImageFile.stripped(Self.phoneJPEG(orientation: 6))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("Canon") && !text.contains("GPS42N"))
        #expect(text.contains("Exif"), "an orientation-only EXIF segment")
        // Written back big-endian: tag 0x0112, SHORT, count 1, value 6.
        let tag: [UInt8] = [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06]
        #expect(bytes.indices.contains { bytes[$0...].starts(with: tag) })
        let upright = try ImageFile.stripped(Self.phoneJPEG(orientation: 1)).bytes
        #expect(!String(decoding: upright, as: UTF8.self).contains("Exif"), "upright needs no tag at all")
    }

    /// A decompression bomb is a few kilobytes claiming hundreds of megapixels: the header says how many,
    /// without decoding a pixel.
    @Test func theHeaderSaysHowManyPixelsAPictureHas() {
        let png = GeneratedPicture.scene(width: 64, height: 40, seed: 3)
        #expect(ImageFile.dimensions(of: png)! == (64, 40))
        #expect(ImageFile.dimensions(of: Self.jpegWithExif())! == (64, 40))
        var bomb = png
        bomb.replaceSubrange(16..<24, with: [0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30]) // 30,000 × 30,000: 900 megapixels
        let size = ImageFile.dimensions(of: bomb)!
        #expect(size.width * size.height == 900_000_000)
        #expect(size.width * size.height > ImageFile.maximumPixels)
        // A lossless WebP (VP8L): 14 bits each of width and height, less one.
        let bits = (100 - 1) | (50 - 1) << 14
        let webp = Array("RIFF".utf8) + [30, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8L".utf8) + [10, 0, 0, 0, 0x2F]
            + [UInt8(bits & 0xFF), UInt8(bits >> 8 & 0xFF), UInt8(bits >> 16 & 0xFF), UInt8(bits >> 24 & 0xFF)] + [0, 0, 0, 0, 0, 0]
        #expect(ImageFile.dimensions(of: webp)! == (100, 50))
    }
}
