import FluentKit
import Foundation
import SQLKit
import Storage

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

    func refs<Fingerprint: TableFingerprint>(
        _: Fingerprint.Type, key: String, database: any Database, load: () async throws -> [RecordRef]
    ) async throws -> [RecordRef] {
        let fingerprint = try await Fingerprint.read(on: database)
        let cacheKey = Fingerprint.table + "|" + key
        if let entry = lock.withLock({ entries[cacheKey] }), entry.fingerprint == fingerprint { return entry.refs }
        let refs = try await load()
        lock.withLock { entries[cacheKey] = Entry(fingerprint: fingerprint, refs: refs) }
        return refs
    }
}

/// How many rows a table has and the sum of their versions: read with every menu built from the table, so a
/// fixed statement, prepared once per connection on PostgreSQL (`FixedQuery`).
protocol TableFingerprint: FixedQuery {
    static var table: String { get }
}

extension TableFingerprint {
    // PostgreSQL sums integers as NUMERIC; cast back so both databases answer with an integer.
    static var sql: String { #"SELECT COUNT(*) AS n, CAST(COALESCE(SUM("version"), 0) AS BIGINT) AS versions FROM ""# + table + "\"" }
    static var name: String { table + "_fingerprint" }

    static func read(on database: any Database) async throws -> [Int] {
        let row = try await rows(binding: [], on: database).first
        return [try row?.decode(column: "n", as: Int.self) ?? 0, try row?.decode(column: "versions", as: Int.self) ?? 0]
    }
}

enum CommunitiesFingerprint: TableFingerprint {
    static let table = CommunityModel.schema
}

enum PlacesFingerprint: TableFingerprint {
    static let table = PlaceModel.schema
}
