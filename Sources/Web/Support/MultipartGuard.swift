import Vapor

/// A check before any multipart body reaches MultipartKit: version 4.7 looks each byte of a part's header
/// name up in a 128-entry table, so a byte of 0x80 or more there ("Ð" where a header name should be) ended
/// the whole server with "Index out of range" (found by schemathesis). Header *values* may carry UTF-8 —
/// browsers send "Zvečan.jpg" as it is — so only the names, the bytes before each header line's colon, are
/// checked. Remove when MultipartKit guards the lookup itself.
enum MultipartGuard {
    static func check(_ req: Request) throws {
        guard req.headers.contentType?.type == "multipart", let boundary = req.headers.contentType?.parameters["boundary"],
              let body = req.body.data else { return }
        guard headerNamesAreASCII(Array(body.readableBytesView), boundary: boundary) else { throw WebError.badRequest("error.body.notMultipart") }
    }

    static func headerNamesAreASCII(_ body: [UInt8], boundary: String) -> Bool {
        let delimiter = Array(("--" + boundary).utf8)
        guard !delimiter.isEmpty else { return true }
        var searchFrom = 0
        while let start = find(delimiter, in: body, from: searchFrom) {
            var position = start + delimiter.count
            // The rest of the delimiter's line, then header lines up to the first empty one.
            while position < body.count && body[position] != 0x0A { position += 1 }
            position += 1
            while position < body.count {
                var end = position
                while end < body.count && body[end] != 0x0A { end += 1 }
                var line = body[position..<end]
                if line.last == 0x0D { line = line.dropLast() }
                if line.isEmpty { break }
                for byte in line.prefix(while: { $0 != UInt8(ascii: ":") }) where byte >= 0x80 { return false }
                position = end + 1
            }
            searchFrom = start + delimiter.count
        }
        return true
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
