import FluentKit

extension SchemaBuilder {
    /// The columns every versioned, soft-deleted record ends with: when it was made and last changed, when
    /// it was deleted (nil while it is live), and the version an edit starts from. Their order is part of
    /// every database already migrated, so it stays as the first record tables had it.
    @discardableResult
    func recordLifecycleColumns() -> SchemaBuilder {
        field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
    }

    /// The start of a table whose rows link two records (an event and its places, a person and their
    /// posts): its identity, then a required reference to each of the two.
    @discardableResult
    func linking(_ first: FieldKey, to firstTable: String, _ second: FieldKey, to secondTable: String) -> SchemaBuilder {
        id()
            .field(first, .uuid, .required, .references(firstTable, "id"))
            .field(second, .uuid, .required, .references(secondTable, "id"))
    }
}

extension Database {
    /// Drops the tables in the order given: those that refer to others first.
    func deleteSchemas(_ schemas: String...) async throws {
        for schema in schemas { try await self.schema(schema).delete() }
    }
}
