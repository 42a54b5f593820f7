import Domain
import Features
import Foundation
import Markup

/// Pieces shared by engagement, visit, timeline and follow-up pages.
enum EngagementViews {
    /// "Meeting · 2023-08-08 10:00 (Europe/Belgrade)".
    static func when(_ summary: EngagementSummary, text: Localizer) -> String {
        "\(kindName(summary, text: text)) · \(start(summary, text: text))"
    }

    /// "8 Aug 2023, 10:00 (Europe/Belgrade)": the wall clock where it happened.
    static func start(_ summary: EngagementSummary, text: Localizer) -> String {
        text.wallClock(summary.start) + " (\(summary.timeZone))"
    }

    /// A built-in kind from the catalogue; an added one by its own label.
    static func kindName(_ summary: EngagementSummary, text: Localizer) -> String {
        summary.kindLabel ?? text("engagementKind.\(summary.kind)")
    }

    static func kindOptions(_ kinds: [KindChoice], text: Localizer, empty: String? = nil) -> Forms.Options {
        (empty.map { [("", $0)] } ?? []) + kinds.map { ($0.key, $0.label ?? text("engagementKind.\($0.key)")) }
    }

    /// Each engagement with when and where it was, and the visit it belongs to.
    static func list(_ items: [EngagementSummary], text: Localizer) -> Component {
        RecordList.of(items, text: text) { meta($0, text: text) } more: { item in
            if let visit = item.visit { RecordList.link(visit, .visit) }
        }
    }

    static func entry(_ item: EngagementSummary, text: Localizer) -> Component {
        H.group {
            RecordList.entry(item.title, to: .record(.engagement, item.id), restricted: item.isRestricted,
                             deleted: item.isDeleted, meta: meta(item, text: text), text: text)
            if let visit = item.visit { RecordList.link(visit, .visit) }
        }
    }

    /// "Meeting · 2023-08-08 10:00 (Europe/Belgrade) · Mitrovicë/Mitrovica · Town hall".
    static func meta(_ item: EngagementSummary, text: Localizer) -> String {
        ([when(item, text: text)] + [item.place?.name, item.venue].compactMap { $0 }).joined(separator: " · ")
    }

    /// The engagement as its page opens: what happened first (summary, outcomes, decisions), then its facts
    /// one short line each. The kind and start are in the line under the title, so they are not repeated.
    static func overview(_ record: EngagementRecord, text: Localizer) -> Component {
        let summary = record.summary
        let story: [Facts.Row] = [
            (text("engagements.summary"), Facts.plain(record.notes)),
            (text("engagements.outcomes"), Facts.plain(record.outcomes)),
            (text("engagements.decisions"), Facts.plain(record.decisions)),
        ].filter { $0.value != nil }
        let rows: [Facts.Row] = [
            (text("engagements.duration"), Facts.plain(record.durationMinutes.map(String.init))),
            (text("engagements.place"), Facts.link(summary.place) { .record(.place, $0) }),
            (text("engagements.venue"), Facts.plain(summary.venue)),
            (text("engagements.visit"), Facts.link(summary.visit) { .record(.visit, $0) }),
            (text("engagements.hosts"), Facts.inlineLinks(record.hosts, .organization, text: text)),
            (text("engagements.partners"), Facts.inlineLinks(record.partners, .organization, text: text)),
            (text("engagements.topics"), Facts.plain(summary.topics.joined(separator: ", "))),
        ].filter { $0.value != nil }
        return H.group {
            if !story.isEmpty { Facts.runIn(story, cssClass: "facts run-in story", text: text) }
            Facts.runIn(rows + [
                (text("engagements.confidentiality"),
                 Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
            ], text: text)
        }
    }

    /// The engagement's facts; also shown beside the form when someone else saved first.
    static func facts(_ record: EngagementRecord, text: Localizer) -> Component {
        let summary = record.summary
        let rows: [Facts.Row] = [
            (text("engagements.start"), Text(start(summary, text: text))),
            (text("engagements.duration"), Facts.plain(record.durationMinutes.map(String.init))),
            (text("engagements.place"), Facts.link(summary.place) { .record(.place, $0) }),
            (text("engagements.venue"), Facts.plain(summary.venue)),
            (text("engagements.visit"), Facts.link(summary.visit) { .record(.visit, $0) }),
            (text("engagements.hosts"), Facts.links(record.hosts, .organization)),
            (text("engagements.partners"), Facts.links(record.partners, .organization)),
            (text("engagements.topics"), Facts.plain(summary.topics.joined(separator: ", "))),
            (text("engagements.summary"), Facts.plain(record.notes)),
            (text("engagements.outcomes"), Facts.plain(record.outcomes)),
            (text("engagements.decisions"), Facts.plain(record.decisions)),
        ]
        // What was not recorded is left out: a field officer's quick log has few of these.
        return Facts.list(rows.filter { $0.value != nil } + [
            (text("engagements.kind"), Text(kindName(summary, text: text))),
            (text("engagements.confidentiality"), Text(text("confidentiality.\(summary.confidentiality.rawValue)"))),
        ], text: text)
    }
}

extension EngagementSummary: Listed {
    static let resource = Resource.engagement
    var listedName: String { title }
    var isRestricted: Bool { confidentiality == .restricted }
}

extension EngagementViews {
    /// A head-count's breakdowns in a few words: "Women 22, Men 15; Under 18 6, 25–59 20; Serb 18", in the
    /// vocabularies' order; nil when it has none. A community the reader's registry no longer has is named so.
    static func breakdown(_ count: HeadCount, communities: [String: String], text: Localizer) -> String? {
        func part(_ counts: [String: Int], _ keys: [String], label: (String) -> String) -> String? {
            let known = keys.filter { counts[$0] != nil } + counts.keys.filter { !keys.contains($0) }.sorted { label($0) < label($1) }
            return known.isEmpty ? nil : known.map { "\(label($0)) \(counts[$0]!)" }.joined(separator: ", ")
        }
        let parts = [
            part(count.byGender, HeadCountGender.allCases.map(\.rawValue)) { text("headCountGender.\($0)") },
            part(count.byAge, AgeBand.allCases.map(\.rawValue)) { text("ageBand.\($0)") },
            part(count.byCommunity, []) { key in
                communities[key] ?? (UUID(uuidString: key) == nil ? key : text("engagements.communityGone"))
            },
        ].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
