import Domain
import Features
import Foundation
import Vapor

/// Photos: uploaded from the engagement page (a plain multipart form), served only to those who may see
/// them, removed with a button. The API's counterparts are in `EngagementsAPIController`.
struct PhotosController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.POST, .record(.engagement, id, .photos), access: write, body: .collect(maxSize: "16mb"), use: upload)
        routes.on(.GET, .record(.photo, id), access: read, use: original)
        routes.on(.GET, .record(.photo, id, .small), access: read, use: small)
        routes.on(.POST, .record(.photo, id, .delete), access: write, use: delete)
    }

    struct UploadForm: Content {
        var file: File?
        var caption: String?
        var credit: String?
        var peopleShown: String?
        var values: [String: String] { ["caption": caption ?? "", "credit": credit ?? "", "peopleShown": peopleShown ?? ""] }
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard req.headers.contentType?.type == "multipart" else { throw WebError.unsupportedMediaType }
        try MultipartGuard.check(req)
        let form = try req.content.decode(UploadForm.self)
        let shown = try await NameLookup(database: req.db).resolvePeople(FormValues.list(form.peopleShown), field: "peopleShown", by: req.actor)
        var issues = shown.issues
        if issues.isEmpty {
            do {
                let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
                _ = try await Photos(database: req.db, store: req.roundtable.photos)
                    .add(PhotoInput(bytes: bytes, caption: form.caption, credit: form.credit, peopleShown: shown.ids), to: id, by: req.actor)
                return Pages.redirect(to: .record(.engagement, id), flash: Flash("record.saved"))
            } catch let error as DomainError {
                issues = try RegistryErrors.issues(error)
            }
        }
        return try await EngagementsController.page(req, id: id, attempt: .init(form: .photo, values: form.values, errors: .init(issues, text: req.localizer)))
    }

    @Sendable func original(_ req: Request) async throws -> Response { try await serve(req, small: false) }

    @Sendable func small(_ req: Request) async throws -> Response { try await serve(req, small: true) }

    func serve(_ req: Request, small: Bool) async throws -> Response {
        let file = try await Photos(database: req.db, store: req.roundtable.photos).file(req.idParameter(), small: small, by: req.actor)
        // Private: a photo may show someone who must not be seen by everyone; no shared caches.
        return Response(status: .ok, headers: ["Content-Type": file.mediaType, "Cache-Control": "private, max-age=300"],
                        body: .init(data: file.data))
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let photos = Photos(database: req.db, store: req.roundtable.photos)
        let model = try await photos.find(id, by: req.actor)
        try await photos.remove(id, by: req.actor)
        return Pages.redirect(to: .record(.engagement, model.engagementID), flash: Flash("record.saved"))
    }
}
