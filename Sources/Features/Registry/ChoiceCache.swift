import Foundation
import SQLKit

/// The choices of filter and form menus (places with their paths, communities), kept between requests.
///
/// Building the place choices means reading every place with its names in every language; on the people
/// list that was done on each request. A cached list is used as long as its table's fingerprint — how many
/// rows and the sum of their versions, which every create, change, delete and restore moves — is the one
/// it was built from. The fingerprint is read on every use, so a change made by another server process or
/// by the command line shows at once, not after a timeout.
public final class ChoiceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    private struct Entry {
        var fingerprint: [Int]
        var refs: [RecordRef]
    }

    public init() {}

    func refs(table: String, key: String, sql: any SQLDatabase, load: () async throws -> [RecordRef]) async throws -> [RecordRef] {
        let fingerprint = try await Self.fingerprint(of: table, sql: sql)
        let cacheKey = table + "|" + key
        if let entry = lock.withLock({ entries[cacheKey] }), entry.fingerprint == fingerprint { return entry.refs }
        let refs = try await load()
        lock.withLock { entries[cacheKey] = Entry(fingerprint: fingerprint, refs: refs) }
        return refs
    }

    static func fingerprint(of table: String, sql: any SQLDatabase) async throws -> [Int] {
        // PostgreSQL sums integers as NUMERIC; cast back so both databases answer with an integer.
        let row = try await sql.raw("""
            SELECT COUNT(*) AS n, CAST(COALESCE(SUM(\(ident: "version")), 0) AS BIGINT) AS versions FROM \(ident: table)
            """).first()
        return [try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "versions", as: Int.self) ?? 0]
    }
}
