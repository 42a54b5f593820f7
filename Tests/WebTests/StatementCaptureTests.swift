import Foundation
import Testing
import VaporTesting
@testable import Web

/// `bench/own-sql.sh` times a page's own SQL on SQLite from the statements the app wrote down for it.
@Suite("Capturing the statements a page sends, for measuring it")
struct StatementCaptureTests {
    /// With `ROUNDTABLE_CAPTURE_STATEMENTS`, each statement is one JSON line with the values bound to it, text
    /// in quotes, so that the benchmark can bind them again; the name searched for is among them.
    @Test func eachStatementIsWrittenWithItsValues() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("statements-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let resolved = try AppConfiguration.resolve(database: ":memory:", environment: ["ROUNDTABLE_CAPTURE_STATEMENTS": file.path])
        #expect(resolved.statementCapturePath == file.path)

        try await withRoundtable(adjusting: { $0.statementCapturePath = file.path }) { app in
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: officer.email)
            let created = try await app.api(.POST, "/api/v1/people", token: token, json: #"{"name": "Drita Gashi"}"#)
            #expect(created.status == .created)
            let before = try Data(contentsOf: file).count
            let list = try await app.api(.GET, "/api/v1/people?q=gashi", token: token)
            #expect(list.body.string.contains("Drita Gashi"))

            struct Line: Decodable { var sql: String; var binds: [String] }
            let lines = try Data(contentsOf: file).dropFirst(before).split(separator: 0x0A)
                .map { try JSONDecoder().decode(Line.self, from: Data($0)) }
            #expect(lines.count >= 2, "the token's read and the list's")
            let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "only the server's user may read it")
            #expect(lines.contains { $0.sql.contains("name_tokens") && $0.binds.contains { $0.contains("gashi") } },
                    "\(lines.map(\.sql))")
        }
    }

    /// Without it, no statement is logged: their values are people's names and notes.
    @Test func nothingIsCapturedUnlessAsked() throws {
        let resolved = try AppConfiguration.resolve(database: ":memory:", environment: [:])
        #expect(resolved.statementCapturePath == nil)
        let empty = try AppConfiguration.resolve(database: ":memory:", environment: ["ROUNDTABLE_CAPTURE_STATEMENTS": ""])
        #expect(empty.statementCapturePath == nil)
    }
}
