import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The engagements a reader may see, as an iCalendar document. A feed is polled every few hours by every
/// subscriber, so it holds a window, not the whole history: from a year back onward (and every future
/// engagement), at most `maximumEvents` of them, the oldest dropped first.
///
/// Each event says only what a calendar needs: the title, when, where, the kind and a link. Notes,
/// outcomes and participants stay out: calendars get synced to phones and shared with assistants, and
/// a participant's name can put them at risk.
public struct EngagementCalendar: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let lookBackDays = 365
    public static let maximumEvents = 5_000

    /// - Parameter engagementURL: the engagement page's full address, when the server's address is known.
    public func document(by actor: Actor, now: Date = Date(), engagementURL: (@Sendable (UUID) -> String)? = nil) async throws -> String {
        let text = Localizer(language: language)
        return ICalendar.document(name: text("calendar.name"), events: try await events(by: actor, now: now, engagementURL: engagementURL), stamp: now)
    }

    public func events(by actor: Actor, now: Date = Date(), engagementURL: (@Sendable (UUID) -> String)? = nil) async throws -> [ICalendar.Event] {
        try actor.require(.readRecords)
        let engagements = Engagements(database: database, language: language)
        let table = EngagementModel.schema
        // The same visibility rule as every other list: deleted and (for most roles) restricted ones are left out.
        // Widened by 14 hours, the largest time-zone offset, so a day at the window's edge is not cut in half.
        let from = now.addingTimeInterval(-Double(Self.lookBackDays) * 86_400 - 14 * 3600)
        let rows = try await engagements.visible(engagements.sql.select(), to: actor)
            .columns((Engagements.summaryColumns + ["duration_minutes", "updated_at"]).map { SQLColumn($0, table: table) })
            .where(SQLColumn("starts_at", table: table), .greaterThanOrEqual, SQLBind(from))
            .orderBy(SQLColumn("starts_at", table: table), SQLDirection.descending).orderBy(SQLColumn("id", table: table), SQLDirection.descending)
            .limit(Self.maximumEvents).all()
        let summaries = try await engagements.summaries(rows)
        var extra: [UUID: (duration: Int?, updated: Date)] = [:]
        for row in rows {
            extra[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "duration_minutes", as: Int?.self),
                                                                 try row.decode(column: "updated_at", as: Date.self))
        }
        let text = Localizer(language: language)
        return summaries.reversed().map { summary in
            let local = LocalStart(summary.start)
            let start: ICalendar.Start = local.map { $0.isDayOnly ? .day($0.day) : .instant(summary.startsAt) } ?? .instant(summary.startsAt)
            let kind = summary.kindLabel ?? text("engagementKind.\(summary.kind)")
            let whereText = [summary.venue, summary.place?.name].compactMap { $0?.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: ", ")
            let link = engagementURL?(summary.id)
            let description = [[kind, summary.place?.name].compactMap { $0 }.joined(separator: " · "), link].compactMap { $0 }.joined(separator: "\n")
            return ICalendar.Event(
                uid: summary.id.uuidString.lowercased() + "@roundtable", start: start, durationMinutes: extra[summary.id]?.duration,
                summary: summary.title, location: whereText.isEmpty ? nil : whereText, description: description, url: link,
                lastModified: extra[summary.id]?.updated, isConfidential: summary.confidentiality == .restricted
            )
        }
    }
}
