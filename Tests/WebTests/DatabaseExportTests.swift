import Domain
@testable import Features
import FluentKit
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web
import ZIPFoundation

/// "A whole-database JSON export (one file per kind, zipped) … respecting the reader's role."
@Suite("The whole database as a zip of JSON files")
struct DatabaseExportTests {
    /// File name → the file's JSON array, and the manifest.
    static func unzip(_ data: Data) throws -> (files: [String: [[String: Any]]], manifest: [String: Any]) {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: [[String: Any]]] = [:]
        var manifest: [String: Any] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            if entry.path == "manifest.json" {
                manifest = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
            } else {
                files[entry.path] = try #require(try JSONSerialization.jsonObject(with: bytes) as? [[String: Any]])
            }
        }
        return (files, manifest)
    }

    static func titles(_ records: [[String: Any]]?) -> [String] {
        (records ?? []).compactMap { ($0["title"] as? String) ?? (($0["summary"] as? [String: Any])?["title"] as? String) }
    }

    @Test func anOfficersZipLeavesOutWhatACoordinatorsHas() async throws {
        try await withRoundtable { app in
            // given a registry with a restricted person, and engagements and an agreement of both kinds
            let f = try await RegistryFixture.make(app)
            var meeting = EngagementInput(kind: "meeting", title: "Meeting, with \"quotes\"", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade")
            meeting.participants = [ParticipantInput(personID: f.redzepi, part: "host"), ParticipantInput(personID: f.hidden)]
            meeting.placeID = f.mitrovica
            _ = try await Engagements(database: app.db).create(meeting, by: .commandLine)
            var secret = EngagementInput(kind: "meeting", title: "Restricted briefing", start: "2023-08-09T10:00", timeZone: "Europe/Belgrade")
            secret.confidentiality = "restricted"
            _ = try await Engagements(database: app.db).create(secret, by: .commandLine)
            var partnership = AgreementInput(kind: "partnership", title: "Partnership on minority issues")
            partnership.parties = [AgreementPartyInput(personID: f.redzepi, part: "signatory"), AgreementPartyInput(personID: f.hidden, part: "witness")]
            _ = try await Agreements(database: app.db).create(partnership, by: .commandLine)
            // a visit with a restricted person in its delegation, an open working group and a restricted one
            var visit = FieldVisitInput(title: "August visit", startsOn: "2023-08-07", endsOn: "2023-08-10")
            visit.memberPersonIDs = [f.redzepi, f.hidden]
            _ = try await FieldVisits(database: app.db).create(visit, by: .commandLine)
            _ = try await WorkingGroups(database: app.db).create(WorkingGroupInput(name: "Youth forum group"), by: .commandLine)
            var closed = WorkingGroupInput(name: "Closed security group")
            closed.confidentiality = "restricted"
            _ = try await WorkingGroups(database: app.db).create(closed, by: .commandLine)
            // a quote at an open engagement and one at the restricted briefing; a photo of Emilija alone and
            // one that tags the restricted person too; an assessment of each of them
            let open = try #require(try await EngagementModel.query(on: app.db).filter(\.$title == meeting.title).first()?.id)
            let restricted = try #require(try await EngagementModel.query(on: app.db).filter(\.$title == "Restricted briefing").first()?.id)
            let quotes = Quotes(database: app.db)
            _ = try await quotes.add(QuoteInput(speakerID: f.redzepi, text: "The bridge must open.", language: "en"), to: open, by: .commandLine)
            _ = try await quotes.add(QuoteInput(speakerLabel: "a police officer", text: "Said in the briefing.", language: "en"), to: restricted, by: .commandLine)
            let photos = Photos(database: app.db, store: app.roundtable.photos)
            let picture = GeneratedPicture.scene(width: 64, height: 40, seed: 5)
            _ = try await photos.add(PhotoInput(bytes: picture, caption: "Emilija speaking", peopleShown: [f.redzepi]), to: open, by: .commandLine)
            _ = try await photos.add(PhotoInput(bytes: picture, caption: "The whole table", peopleShown: [f.redzepi, f.hidden]), to: open, by: .commandLine)
            let assessments = Assessments(database: app.db)
            _ = try await assessments.add(AssessmentInput(assessedOn: "2023-08-01", influence: "4", interest: "5", stance: "supports"),
                                          person: f.redzepi, by: .commandLine)
            _ = try await assessments.add(AssessmentInput(assessedOn: "2023-08-01", influence: "2", interest: "3", stance: "neutral"),
                                          person: f.hidden, by: .commandLine)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)

            // when each downloads the zip (the officer on the site, the coordinator through the API)
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            #expect(try await browser.get("/export").body.string.contains("/export.zip"))
            let officerResponse = try await browser.get("/export.zip")
            let coordinatorResponse = try await app.api(.GET, "/api/v1/export.zip", token: try await app.token(for: coordinator.email))

            // then each zip has one file per kind and a manifest, and the officer's lacks what is restricted
            #expect(officerResponse.status == .ok && coordinatorResponse.status == .ok)
            #expect(officerResponse.headers.first(name: .contentType) == "application/zip")
            #expect(officerResponse.headers.first(name: .contentDisposition)?.contains("attachment; filename=\"roundtable-export-") == true)
            #expect(officerResponse.headers.first(name: .cacheControl) == "private, no-store")
            let officers = try Self.unzip(Data(officerResponse.body.readableBytesView))
            let coordinators = try Self.unzip(Data(coordinatorResponse.body.readableBytesView))
            #expect(Set(officers.files.keys) == Set(DatabaseExport.files))
            #expect(Set(coordinators.files.keys) == Set(DatabaseExport.files))

            let officerPeople = (officers.files["people.json"] ?? []).compactMap { $0["name"] as? String }
            let coordinatorPeople = (coordinators.files["people.json"] ?? []).compactMap { $0["name"] as? String }
            #expect(officerPeople.contains("Emilija Redžepi") && !officerPeople.contains { $0.contains("Miloš") })
            #expect(coordinatorPeople.contains { $0.contains("Miloš") })
            #expect(coordinatorPeople.count == officerPeople.count + 1)

            #expect(Self.titles(officers.files["engagements.json"]) == ["Meeting, with \"quotes\""])
            #expect(Set(Self.titles(coordinators.files["engagements.json"])) == ["Meeting, with \"quotes\"", "Restricted briefing"])
            let officerMeeting = try #require(officers.files["engagements.json"]?.first)
            let participants = (officerMeeting["participants"] as? [[String: Any]] ?? []).compactMap { ($0["person"] as? [String: Any])?["name"] as? String }
            #expect(participants == ["Emilija Redžepi"], "a restricted participant is left out")
            #expect((officerMeeting["place"] as? [String: Any])?["id"] as? String == f.mitrovica.uuidString, "records point at each other by identity")
            let coordinatorMeeting = try #require(coordinators.files["engagements.json"]?.first { $0["title"] as? String == "Meeting, with \"quotes\"" })
            #expect((coordinatorMeeting["participants"] as? [Any])?.count == 2)

            let officerParties = try #require(officers.files["agreements.json"]?.first?["parties"] as? [[String: Any]])
            #expect(officerParties.count == 1, "a restricted party is left out")
            #expect((coordinators.files["agreements.json"]?.first?["parties"] as? [Any])?.count == 2)
            let officerPositions = (officers.files["positions.json"] ?? []).compactMap { ($0["person"] as? [String: Any])?["name"] as? String }
            #expect(!officerPositions.contains { $0.contains("Miloš") })
            #expect((coordinators.files["positions.json"] ?? []).count == (officers.files["positions.json"] ?? []).count + 1)

            // visits, working groups and who does what where are in it too, through the same rules
            let officerVisit = try #require(officers.files["visits.json"]?.first)
            let delegation = (officerVisit["people"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(delegation == ["Emilija Redžepi"], "a restricted person in a delegation is left out")
            #expect((coordinators.files["visits.json"]?.first?["people"] as? [Any])?.count == 2)
            let groupNames = { (records: [[String: Any]]?) in Set((records ?? []).compactMap { (($0["summary"] as? [String: Any])?["name"] ?? $0["name"]) as? String }) }
            #expect(groupNames(officers.files["working-groups.json"]) == ["Youth forum group"])
            #expect(groupNames(coordinators.files["working-groups.json"]) == ["Youth forum group", "Closed security group"])
            #expect(officers.files["coordination.json"] != nil)

            // assessments, quotes and photos (metadata, no image bytes) are files of their own, through the same rules
            let texts = { (records: [[String: Any]]?) in (records ?? []).compactMap { $0["text"] as? String } }
            #expect(texts(officers.files["quotes.json"]) == ["The bridge must open."], "a quote of a restricted engagement is left out")
            #expect(Set(texts(coordinators.files["quotes.json"])) == ["The bridge must open.", "Said in the briefing."])
            let captions = { (records: [[String: Any]]?) in Set((records ?? []).compactMap { $0["caption"] as? String }) }
            #expect(captions(officers.files["photos.json"]) == ["Emilija speaking"], "a photo tagging a restricted person is left out")
            #expect(captions(coordinators.files["photos.json"]) == ["Emilija speaking", "The whole table"])
            let photo = try #require(officers.files["photos.json"]?.first)
            #expect((photo["engagement"] as? [String: Any])?["name"] as? String == meeting.title)
            #expect(((photo["peopleShown"] as? [[String: Any]])?.first)?["consentPhotographed"] != nil)
            #expect(photo["bytes"] == nil && photo["fileName"] == nil)
            let subjects = { (records: [[String: Any]]?) in Set((records ?? []).compactMap { ($0["subject"] as? [String: Any])?["name"] as? String }) }
            #expect(subjects(officers.files["assessments.json"]) == ["Emilija Redžepi"], "a restricted person's assessment is left out")
            #expect(subjects(coordinators.files["assessments.json"]).count == 2)
            #expect(officers.files["assessments.json"]?.first?["influence"] as? Int == 4)

            // and the manifest says whose view it is, with counts that match the files
            #expect(officers.manifest["exportedBy"] as? String == officer.email)
            #expect(officers.manifest["role"] as? String == "officer")
            #expect(officers.manifest["includesRestricted"] as? Bool == false)
            #expect(coordinators.manifest["includesRestricted"] as? Bool == true)
            let counts = try #require(officers.manifest["counts"] as? [String: Int])
            for (file, records) in officers.files { #expect(counts[file] == records.count, "\(file)") }
            #expect(counts["places.json"] == 3 && counts["organizations.json"] == 2)
        }
    }

    /// Why the organisation kept whom past the retention period leaves with it — for those who decide it;
    /// an officer's file is empty, and a restricted person's decision is only in a coordinator's.
    @Test func decisionsToKeepPeopleAreExportedForThoseWhoMayMakeThem() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            try await RetentionDecisionModel(personID: f.hamza, reason: "Runs the youth council we fund until 2027", decidedAt: Date(),
                                             decidedBy: coordinator.email).create(on: app.db)
            try await RetentionDecisionModel(personID: f.hidden, reason: "Legal hold", decidedAt: Date(), decidedBy: coordinator.email).create(on: app.db)
            func decisions(_ email: String) async throws -> [[String: Any]] {
                let response = try await app.api(.GET, "/api/v1/export.zip", token: try await app.token(for: email))
                return try Self.unzip(Data(response.body.readableBytesView)).files["retention-decisions.json"] ?? [["missing": true]]
            }
            #expect(try await decisions(officer.email).isEmpty)
            let theirs = try await decisions(coordinator.email)
            #expect(theirs.compactMap { $0["reason"] as? String }.sorted() == ["Legal hold", "Runs the youth council we fund until 2027"])
            #expect(theirs.contains { ($0["person"] as? [String: Any])?["name"] as? String == "Bedri Hamza" })
        }
    }

    @Test func anEmptyDatabaseGivesEmptyFilesAndAnonymousReadersNone() async throws {
        try await withRoundtable { app in
            try await app.addUser("viewer@ico.example", role: .viewer)
            let response = try await app.api(.GET, "/api/v1/export.zip", token: try await app.token(for: "viewer@ico.example"))
            let zip = try Self.unzip(Data(response.body.readableBytesView))
            #expect(zip.files.values.allSatisfy(\.isEmpty) && zip.files.count == DatabaseExport.files.count)
            #expect(try await app.testing().sendRequest(.GET, "/api/v1/export.zip").status == .unauthorized)
        }
    }
}
