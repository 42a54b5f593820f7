/// Photos as bytes: what kind of image a file really is (from its content, never its name or the type a
/// browser claims), and the same image without the metadata that can put people at risk — GPS position,
/// camera and owner details, editing history, embedded thumbnails. Pixels are not touched.
public enum ImageFile {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        case jpeg, png, webp

        public var mediaType: String {
            switch self {
            case .jpeg: "image/jpeg"
            case .png: "image/png"
            case .webp: "image/webp"
            }
        }

        public var fileExtension: String {
            switch self {
            case .jpeg: "jpg"
            case .png: "png"
            case .webp: "webp"
            }
        }
    }

    public enum Problem: Error, Equatable, Sendable {
        /// Not a JPEG, PNG or WebP image.
        case notAnImage
        /// It starts like one but is cut short or malformed.
        case damaged
    }

    public static let maximumBytes = 15 * 1024 * 1024

    public static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        if bytes.count >= 8, Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return .png }
        if bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        return nil
    }

    /// The image with its metadata removed, and its kind.
    public static func stripped(_ bytes: [UInt8]) throws(Problem) -> (kind: Kind, bytes: [UInt8]) {
        guard let kind = kind(of: bytes) else { throw .notAnImage }
        switch kind {
        case .jpeg: return (kind, try strippedJPEG(bytes))
        case .png: return (kind, try strippedPNG(bytes))
        case .webp: return (kind, try strippedWebP(bytes))
        }
    }

    // MARK: JPEG

    /// Keeps the segments that draw the picture (frame, tables, scan), the colour profile (APP2 ICC) and the
    /// JFIF header (APP0); drops EXIF and XMP (APP1), IPTC (APP13), every other APPn and comments. Which way
    /// up the picture is (EXIF orientation) is written back alone, so phone photos do not turn sideways.
    static func strippedJPEG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var kept: [ArraySlice<UInt8>] = []
        var orientation: UInt16?
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF, index + 1 < bytes.count else { throw .damaged }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue } // fill byte
            if marker == 0xD9 { return assemble(kept, orientation: orientation, rest: [0xFF, 0xD9]) } // end of image
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { kept.append(bytes[index..<(index + 2)]); index += 2; continue }
            guard index + 3 < bytes.count else { throw .damaged }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { throw .damaged }
            if marker == 0xDA {
                // Start of scan: the compressed picture follows up to the end-of-image marker; copy the rest as is.
                return assemble(kept, orientation: orientation, rest: bytes[index...])
            }
            if marker == 0xE1, orientation == nil { orientation = exifOrientation(bytes[(index + 4)..<(index + 2 + length)]) }
            let isDropped = (0xE1...0xEF).contains(marker) && marker != 0xE2 || marker == 0xFE
            if !isDropped { kept.append(bytes[index..<(index + 2 + length)]) }
            index += 2 + length
        }
        throw .damaged
    }

    private static func assemble(_ kept: [ArraySlice<UInt8>], orientation: UInt16?, rest: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xD8]
        var segments = kept[...]
        // JFIF's APP0 stays first when there is one.
        if let first = segments.first, first.count > 1, first[first.startIndex + 1] == 0xE0 { out += first; segments = segments.dropFirst() }
        if let orientation, orientation != 1 { out += orientationSegment(orientation) }
        for segment in segments { out += segment }
        out += rest
        return out
    }

    // MARK: JPEG orientation

    /// The EXIF orientation (1…8) of a JPEG's APP1 segment payload, when it has one.
    static func exifOrientation(_ payload: ArraySlice<UInt8>) -> UInt16? {
        let bytes = Array(payload)
        guard bytes.count >= 14, Array(bytes[0..<6]) == Array("Exif\0\0".utf8) else { return nil }
        let tiff = Array(bytes[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return nil
        }
        func u16(_ at: Int) -> UInt16? {
            guard at + 1 < tiff.count else { return nil }
            return little ? UInt16(tiff[at]) | UInt16(tiff[at + 1]) << 8 : UInt16(tiff[at]) << 8 | UInt16(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard at + 3 < tiff.count else { return nil }
            let b = (0..<4).map { Int(tiff[at + $0]) }
            return little ? b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24 : b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return nil }
        for entry in 0..<Int(min(count, 512)) {
            let at = ifd + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            if tag == 0x0112, let value = u16(at + 8), (1...8).contains(value) { return value }
        }
        return nil
    }

    /// An APP1 segment that says only which way up the picture is — nothing about where, when or with what.
    static func orientationSegment(_ orientation: UInt16) -> [UInt8] {
        // Big-endian TIFF header, one IFD with one entry (Orientation, SHORT, 1), no next IFD.
        let tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
                             0x00, 0x01,
                             0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0x00, 0x00,
                             0x00, 0x00, 0x00, 0x00]
        let payload = Array("Exif\0\0".utf8) + tiff
        let length = payload.count + 2
        return [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    // MARK: PNG

    /// Drops text chunks (tEXt, zTXt, iTXt: camera and software notes, sometimes places), EXIF (eXIf) and
    /// the modification time (tIME); keeps everything that draws the picture.
    static func strippedPNG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var out = Array(bytes[0..<8])
        var index = 8
        let dropped: Set<String> = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]
        while index + 12 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 0, index + 12 + length <= bytes.count else { throw .damaged }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            if !dropped.contains(type) { out += bytes[index..<(index + 12 + length)] }
            index += 12 + length
            if type == "IEND" { return out }
        }
        throw .damaged
    }

    // MARK: WebP

    /// Drops the EXIF and XMP chunks and clears their flags in the extended header (VP8X).
    static func strippedWebP(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var chunks: [UInt8] = []
        var index = 12
        while index + 8 <= bytes.count {
            let type = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
            let size = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            let padded = size + (size & 1)
            guard size >= 0, index + 8 + size <= bytes.count else { throw .damaged }
            let end = min(index + 8 + padded, bytes.count)
            var chunk = Array(bytes[index..<end])
            if type == "VP8X", chunk.count >= 9 { chunk[8] &= ~UInt8(0x08 | 0x04) } // EXIF and XMP flags
            if type != "EXIF" && type != "XMP " { chunks += chunk }
            index = end
        }
        guard index == bytes.count else { throw .damaged }
        let riffSize = UInt32(4 + chunks.count)
        return Array("RIFF".utf8) + [UInt8(riffSize & 0xFF), UInt8(riffSize >> 8 & 0xFF), UInt8(riffSize >> 16 & 0xFF), UInt8(riffSize >> 24 & 0xFF)]
            + Array("WEBP".utf8) + chunks
    }
}
