import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Photos: stripped before storing, shown only to those who may see them")
struct PhotoTests {
    @Test func anOfficerUploadsAPhotoAndItsLocationIsGone() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let engagement = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Meeting with the Mayor", start: "2023-08-08T10:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let token = try await app.token(for: officer.email)
            let boundary = "----roundtable-test"
            var body = ByteBuffer()
            func part(_ name: String, _ value: String) {
                body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
            }
            part("caption", "The delegation with the Mayor")
            part("credit", "ICO")
            part("peopleShown", f.hamza.uuidString)
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"holiday.txt\"\r\nContent-Type: text/plain\r\n\r\n")
            body.writeBytes(ImageFileTestsSupport.jpegWithExif())
            body.writeString("\r\n--\(boundary)--\r\n")
            let created = try await app.testing().sendRequest(.POST, "/api/v1/engagements/\(engagement.id.uuidString)/photos",
                                                              headers: ["Authorization": "Bearer \(token)", "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                                              body: body)
            #expect(created.status == .created, "\(created.body.string)")
            #expect(created.body.string.contains("\"mediaType\":\"image\\/jpeg\""), "the type comes from the content, not the name")
            let record = try await Engagements(database: app.db).get(engagement.id, by: .user(officer))
            let photo = try #require(record.photos.first)
            #expect(photo.caption == "The delegation with the Mayor" && photo.peopleShown.map(\.name) == ["Bedri Hamza"])
            let file = try await app.api(.GET, "/api/v1/photos/\(photo.id.uuidString)/file", token: token)
            #expect(file.status == .ok && file.headers.first(name: .contentType) == "image/jpeg")
            #expect(!file.body.string.contains("GPS") && !file.body.string.contains("Canon"))
            let browser = Browser(app)
            try await browser.signIn(officer.email)
            let page = try await browser.get("/engagements/\(engagement.id.uuidString.lowercased())")
            #expect(page.text.contains("The delegation with the Mayor") && page.text.contains("/photos/\(photo.id.uuidString.lowercased())/small"))
            #expect(try await browser.get("/photos/\(photo.id.uuidString.lowercased())/small").status == .ok)

            // Not an image: refused at the field, nothing stored.
            await #expect(throws: DomainError.invalid([FieldIssue(field: "file", "photo.notAnImage")])) {
                try await Photos(database: app.db, store: app.roundtable.photos).add(PhotoInput(bytes: Array("%PDF-1.7".utf8)), to: engagement.id, by: .user(officer))
            }
            #expect(try await Engagements(database: app.db).get(engagement.id, by: .user(officer)).photos.count == 1)
        }
    }
}

/// The crafted JPEG of the domain tests, for web tests.
enum ImageFileTestsSupport {
    static func jpegWithExif() -> [UInt8] {
        let exif: [UInt8] = Array("Exif\0\0GPS 42.88N 20.86E Canon EOS".utf8)
        let jfif: [UInt8] = Array("JFIF\0".utf8) + [1, 1, 0, 0, 1, 0, 1, 0, 0]
        func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
            let length = payload.count + 2
            return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        }
        return [0xFF, 0xD8] + segment(0xE0, jfif) + segment(0xE1, exif) + segment(0xDB, Array(repeating: 1, count: 65)) + segment(0xC0, [8, 0, 40, 0, 64, 1, 1, 0x11, 0])
            + segment(0xDA, [1, 1, 0, 0, 63, 0]) + [0x12, 0x34, 0xFF, 0x00, 0x56] + [0xFF, 0xD9]
    }
}

extension PhotoTests {
    @Test func aPhotoOfARestrictedPersonIsHiddenFromOfficers() async throws {
        try await withRoundtable { app in
            let f = try await RegistryFixture.make(app)
            let officer = try await app.addUser("arta@ico.example", role: .officer)
            let coordinator = try await app.addUser("kubra@ico.example", role: .coordinator)
            let engagement = try await Engagements(database: app.db).create(
                EngagementInput(kind: "meeting", title: "Consortium", start: "2023-08-09T11:00", timeZone: "Europe/Belgrade"), by: .commandLine)
            let photos = Photos(database: app.db, store: app.roundtable.photos)
            let picture = GeneratedPicture.scene(width: 64, height: 40, seed: 2)
            let hidden = try await photos.add(PhotoInput(bytes: picture, caption: "With Miloš", peopleShown: [f.hidden]), to: engagement.id, by: .user(coordinator))
            _ = try await photos.add(PhotoInput(bytes: picture, caption: "The hall"), to: engagement.id, by: .user(officer))
            #expect(try await Engagements(database: app.db).get(engagement.id, by: .user(officer)).photos.map(\.caption) == ["The hall"])
            #expect(try await Engagements(database: app.db).get(engagement.id, by: .user(coordinator)).photos.count == 2)
            let token = try await app.token(for: officer.email)
            #expect(try await app.api(.GET, "/api/v1/photos/\(hidden.id.uuidString)/file", token: token).status == .notFound)
            await #expect(throws: DomainError.self) { try await photos.add(PhotoInput(bytes: picture, peopleShown: [f.hidden]), to: engagement.id, by: .user(officer)) }
        }
    }
}
