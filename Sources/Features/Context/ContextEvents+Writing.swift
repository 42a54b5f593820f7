import Domain
import FluentKit
import Foundation
import Storage

extension ContextEvents: RecordKind {
    public typealias Model = ContextEventModel

    public struct Valid {
        var title: String, kind: ContextEventKind, severity: Severity, period: EventPeriod, description: String?, sourceURL: String?
        var confidentiality: Confidentiality, placeIDs: [UUID]
    }

    public func validate(_ input: ContextEventInput, existing: ContextEventModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 200)
        let kind = v.choice(input.kind, ContextEventKind.self, "kind")
        let severity = v.choice(input.severity, Severity.self, "severity")
        let starts = v.day(input.startsOn, "startsOn")
        v.check(!input.startsOn.trimmingWhitespace().isEmpty, "startsOn", "field.required")
        let ends = v.day(input.endsOn, "endsOn")
        let period = starts.flatMap { EventPeriod(startsOn: $0, endsOn: ends) }
        if starts != nil, ends != nil { v.check(period != nil, "endsOn", "context.endsBeforeStart") }
        let description = v.text(input.description, "description", max: 20_000)
        let source = v.text(input.sourceURL, "sourceURL", max: 2_000)
        if let source { v.check(Self.isWebAddress(source), "sourceURL", "context.sourceInvalid") }
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        // As with engagements: only those who may write restricted records mark one restricted.
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "context.restrictedNotAllowed") }
        v.check(input.placeIDs.count <= 50, "placeIDs", "field.tooMany", "50")
        try v.throwIfInvalid()
        if !input.placeIDs.isEmpty {
            let found = try await PlaceModel.query(on: db).filter(\.$id ~~ input.placeIDs).filter(\.$deletedAt == nil).count()
            v.check(found == Set(input.placeIDs).count, "placeIDs", "reference.unknown")
            try v.throwIfInvalid()
        }
        return Valid(title: title!, kind: kind!, severity: severity!, period: period!, description: description, sourceURL: source,
                     confidentiality: confidentiality!, placeIDs: input.placeIDs)
    }

    public func apply(_ valid: Valid, to model: ContextEventModel, now: Date) {
        model.title = valid.title
        model.kind = valid.kind
        model.severity = valid.severity
        model.startsOn = valid.period.startsOn
        model.endsOn = valid.period.endsOn
        model.details = valid.description
        model.sourceURL = valid.sourceURL
        model.confidentiality = valid.confidentiality
    }

    public func writeParts(_ valid: Valid, _ applied: Void, of model: ContextEventModel, by actor: Actor, now: Date, on db: any Database) async throws {
        try await ContextEventPlaceModel.replace(targetsOf: model.id!, with: valid.placeIDs, on: db)
    }

    public func auditFields(_ model: ContextEventModel, on db: any Database) async throws -> [(String, String?)] {
        let placeIDs = try await ContextEventPlaceModel.targets(of: model.id!, on: db)
        return [("title", model.title), ("kind", model.kind.rawValue), ("severity", model.severity.rawValue),
                ("startsOn", model.startsOn.description), ("endsOn", model.endsOn.description),
                ("description", model.details), ("sourceURL", model.sourceURL), ("confidentiality", model.confidentiality.rawValue),
                ("places", placeIDs.auditValue)]
    }

    /// A source is a link someone can follow: http or https with a host.
    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "https" || scheme == "http"
    }
}
