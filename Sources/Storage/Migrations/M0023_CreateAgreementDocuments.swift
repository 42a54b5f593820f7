import FluentKit

/// Agreements' documents (PDFs kept in the file folder).
struct M0023_CreateAgreementDocuments: AsyncMigration {
    var name: String { "M0023_CreateAgreementDocuments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AgreementDocumentModel.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgreementModel.schema, "id"))
            .field("title", .string, .required)
            .field("file_name", .string, .required)
            .field("byte_count", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("agreement_documents_agreement", on: AgreementDocumentModel.schema, columns: ["agreement_id", "created_at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AgreementDocumentModel.schema).delete()
    }
}
