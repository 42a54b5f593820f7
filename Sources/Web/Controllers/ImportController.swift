import Domain
import Features
import Foundation
import Vapor

/// The staged import on the site: upload a CSV, map its columns, fix its problems, decide its possible
/// duplicates, confirm, and follow its progress. Each step re-checks the kept file.
struct ImportController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.importBatch), access: write, use: upload)
        routes.on(.POST, .list(.importBatch), access: write, body: .collect(maxSize: "50mb"), use: stage)
        routes.on(.GET, .record(.importBatch, id), access: write, use: batch)
        routes.on(.POST, .record(.importBatch, id, .mapping), access: write, use: mapping)
        routes.on(.POST, .record(.importBatch, id, .decisions), access: write, use: decisions)
        routes.on(.POST, .record(.importBatch, id, .start), access: write, use: start)
    }

    static func batches(_ req: Request) -> ImportBatches {
        ImportBatches(database: req.application.db, language: req.localizer.tag, timeZone: req.roundtable.configuration.timeZone)
    }

    @Sendable func upload(_ req: Request) async throws -> Response {
        let recent = try await Self.batches(req).recent(by: req.actor)
        return Pages.response(ImportUploadPage.view(.init(recent: recent), chrome: Pages.chrome(for: req, current: .list(.importBatch))), request: req)
    }

    struct UploadForm: Content {
        var kind: String?
        var file: File?
    }

    @Sendable func stage(_ req: Request) async throws -> Response {
        guard req.headers.contentType?.type == "multipart" else { throw WebError.unsupportedMediaType }
        try MultipartGuard.check(req)
        let form = try req.content.decode(UploadForm.self)
        do {
            let bytes = form.file.map { Array($0.data.readableBytesView) } ?? []
            let id = try await Self.batches(req).stage(kind: form.kind ?? "", fileName: form.file?.filename ?? "import.csv", bytes: bytes, by: req.actor)
            return Pages.redirect(to: .record(.importBatch, id))
        } catch let error as DomainError {
            let issues = try RegistryErrors.issues(error)
            let recent = try await Self.batches(req).recent(by: req.actor)
            return Pages.response(ImportUploadPage.view(.init(recent: recent, values: ["kind": form.kind ?? ""], errors: .init(issues, text: req.localizer)),
                                                     chrome: Pages.chrome(for: req, current: .list(.importBatch))), status: .unprocessableEntity, request: req)
        }
    }

    @Sendable func batch(_ req: Request) async throws -> Response {
        try await page(req, id: try req.idParameter())
    }

    func page(_ req: Request, id: UUID, issues: [FieldIssue] = [], status: HTTPResponseStatus = .ok) async throws -> Response {
        let batches = Self.batches(req)
        try await batches.settleInterrupted(id, progress: req.roundtable.importProgress)
        let batch = try await batches.get(id, by: req.actor)
        let plan = batch.status == .staged ? try await batches.check(batch, by: req.actor) : nil
        let progress = await req.roundtable.importProgress.state(of: id)
        return Pages.response(ImportBatchPage.view(.init(batch: batch, plan: plan, progress: progress, errors: .init(issues, text: req.localizer)),
                                                chrome: Pages.chrome(for: req, current: .list(.importBatch))), status: status, request: req)
    }

    @Sendable func mapping(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode([String: String].self)
        let columns = form.keys.compactMap { $0.hasPrefix("column") ? Int($0.dropFirst(6)) : nil }.max().map { $0 + 1 } ?? 0
        let fields: [String?] = (0..<columns).map { form["column\($0)"].flatMap { $0.isEmpty ? nil : $0 } }
        try await Self.batches(req).setMapping(id, fields: fields, by: req.actor)
        return Pages.redirect(to: .record(.importBatch, id))
    }

    @Sendable func decisions(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode([String: String].self)
        var byRow: [Int: DuplicateDecision] = [:]
        for (key, value) in form where key.hasPrefix("row") {
            if let row = Int(key.dropFirst(3)), let decision = DuplicateDecision(rawValue: value) { byRow[row] = decision }
        }
        try await Self.batches(req).decide(id, byRow: byRow, forAll: form["all"].flatMap(DuplicateDecision.init(rawValue:)), by: req.actor)
        return Pages.redirect(to: .record(.importBatch, id), query: nil)
    }

    @Sendable func start(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        do {
            try await Self.batches(req).start(id, by: req.actor, progress: req.roundtable.importProgress)
        } catch let error as DomainError {
            return try await page(req, id: id, issues: try RegistryErrors.issues(error), status: .unprocessableEntity)
        }
        return Pages.redirect(to: .record(.importBatch, id))
    }
}
