import Domain
import Vapor

/// A file sent to the API as `multipart/form-data` (a photo, an agreement's document): another kind of body is
/// refused as unsupported (415), a broken one as a bad request (400, in the words of `notMultipart`), and a body
/// without its `file` part as a mistake at the field `file`.
protocol APIUpload: Content {
    var file: File? { get }
}

extension APIUpload {
    static func decode(from req: Request, notMultipart: String) throws -> (upload: Self, file: File) {
        guard req.headers.contentType?.type == "multipart", req.headers.contentType?.subType == "form-data" else {
            throw WebError.unsupportedMediaType
        }
        try MultipartGuard.check(req)
        let upload: Self
        do { upload = try req.content.decode(Self.self) } catch { throw WebError.badRequest(notMultipart) }
        guard let file = upload.file else { throw DomainError.invalid([FieldIssue(field: "file", "field.required")]) }
        return (upload, file)
    }
}
