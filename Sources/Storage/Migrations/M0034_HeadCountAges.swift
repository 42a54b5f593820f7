import Domain
import FluentKit
import Foundation
import SQLKit

/// Head-counts by age band (`by_age`), and the two older breakdowns brought to the keys the rules now
/// accept, so that an engagement saved before can be saved again unchanged: gender keys the API took
/// freely ("women", "Female") become `HeadCountGender` keys, any other key counting as not recorded (the
/// sum stays); community names typed through the API become the identity of the community they name
/// (by folded name, as the period report matched them), names that match none or several stay as typed.
struct M0034_HeadCountAges: AsyncMigration {
    var name: String { "M0034_HeadCountAges" }

    func prepare(on database: any Database) async throws {
        try await database.schema(HeadCountModel.schema).field("by_age", .string, .required, .sql(.default("{}"))).update()
        let sql = database.sql
        var communities: [String: [String]] = [:]
        for row in try await sql.raw("SELECT id, name FROM communities WHERE deleted_at IS NULL").all() {
            let id = try row.decode(column: "id", as: UUID.self)
            communities[NameFolding.fold(try row.decode(column: "name", as: String.self)), default: []].append(id.uuidString.lowercased())
        }
        let rows = try await sql.raw("SELECT id, by_gender, by_community FROM head_counts WHERE by_gender <> '{}' OR by_community <> '{}'").all()
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            let gender = Self.decode(try row.decode(column: "by_gender", as: String.self))
            let community = Self.decode(try row.decode(column: "by_community", as: String.self))
            let newGender = Self.genders(gender), newCommunity = Self.communities(community, named: communities)
            guard newGender != gender || newCommunity != community else { continue }
            try await sql.update(HeadCountModel.schema)
                .set("by_gender", to: SQLBind(Self.encode(newGender))).set("by_community", to: SQLBind(Self.encode(newCommunity)))
                .where("id", .equal, SQLBind(id)).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HeadCountModel.schema).deleteField("by_age").update()
    }

    static func genders(_ counts: [String: Int]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, n) in counts {
            let gender: HeadCountGender = switch key.trimmingWhitespace().lowercased() {
            case "woman", "women", "female", "f", "w": .woman
            case "man", "men", "male", "m": .man
            case "other": .other
            default: .notRecorded
            }
            result[gender.rawValue, default: 0] += n
        }
        return result
    }

    static func communities(_ counts: [String: Int], named: [String: [String]]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (key, n) in counts {
            let id = UUID(uuidString: key).map { $0.uuidString.lowercased() }
                ?? named[NameFolding.fold(key)].flatMap { $0.count == 1 ? $0[0] : nil } ?? key
            result[id, default: 0] += n
        }
        return result
    }

    static func decode(_ json: String) -> [String: Int] {
        (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
    }

    static func encode(_ counts: [String: Int]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(counts)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
