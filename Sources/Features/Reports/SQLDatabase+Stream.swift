import Foundation
import SQLKit
import Storage

extension SQLDatabase {
    /// Rows decoded as they arrive: a whole table's `SQLRow`s at once (750,000 participations) took
    /// hundreds of megabytes that the process kept afterwards.
    func stream<Item: Sendable>(_ query: SQLQueryString, _ decode: @escaping @Sendable (ScannedRow) throws -> Item) async throws -> [Item] {
        let sink = RowSink<Item>()
        try await eachRow(query) { row in sink.append(Result { try decode(row) }) }
        return try sink.items()
    }
}

/// Collects rows decoded on the database's thread, for the actor to apply afterwards.
final class RowSink<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Result<Item, any Error>] = []

    func append(_ item: Result<Item, any Error>) {
        lock.lock()
        collected.append(item)
        lock.unlock()
    }

    func items() throws -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        return try collected.map { try $0.get() }
    }
}
