import Domain
import FluentKit
import Foundation
import Storage

/// The author's sections of a visit report. Version 0 means none written yet.
public struct VisitReportNarrative: Sendable, Equatable, Codable {
    public var introduction: String?
    public var conclusions: String?
    public var nextSteps: String?
    public var version: Int

    public init(introduction: String? = nil, conclusions: String? = nil, nextSteps: String? = nil, version: Int = 0) {
        self.introduction = introduction
        self.conclusions = conclusions
        self.nextSteps = nextSteps
        self.version = version
    }
}

extension VisitReportNarrativeModel: VisitWritingRow {
    public static var visit: KeyPath<VisitReportNarrativeModel, FieldProperty<VisitReportNarrativeModel, UUID>> { \.$visitID }
}

extension VisitReportNarrative: VisitWriting {
    public init() { self.init(introduction: nil) }

    public init(_ row: VisitReportNarrativeModel) {
        self.init(introduction: row.introduction, conclusions: row.conclusions, nextSteps: row.nextSteps, version: row.version)
    }

    public static func newRow(visit: UUID) -> VisitReportNarrativeModel {
        let row = VisitReportNarrativeModel()
        row.id = UUID()
        row.visitID = visit
        row.version = 0
        return row
    }

    public func checked() throws -> VisitReportNarrative {
        var v = Validator()
        let checked = checking([(\.introduction, "introduction", 20_000), (\.conclusions, "conclusions", 20_000), (\.nextSteps, "nextSteps", 20_000)],
                               on: &v)
        try v.throwIfInvalid()
        return checked
    }

    public func changes(from row: VisitReportNarrativeModel) -> [FieldChange] {
        FieldChange.between([("report: introduction", row.introduction), ("report: conclusions", row.conclusions), ("report: next steps", row.nextSteps)],
                            [("report: introduction", introduction), ("report: conclusions", conclusions), ("report: next steps", nextSteps)])
    }

    public func write(to row: VisitReportNarrativeModel) {
        row.introduction = introduction
        row.conclusions = conclusions
        row.nextSteps = nextSteps
    }
}
