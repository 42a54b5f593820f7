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
}
