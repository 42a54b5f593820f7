import Domain
import FluentKit
import Foundation

/// A record kind read in the reader's language (the names of places, kinds and parents): the pages and the
/// API make it from the request's database and language alone.
public protocol LocalizedRecordKind: RecordKind {
    init(database: any Database, language: String)
}

extension Agreements: LocalizedRecordKind {}
extension Communities: LocalizedRecordKind {}
extension ContextEvents: LocalizedRecordKind {}
extension Coordination: LocalizedRecordKind {}
extension Engagements: LocalizedRecordKind {}
extension FieldVisits: LocalizedRecordKind {}
extension Organizations: LocalizedRecordKind {}
extension People: LocalizedRecordKind {}
extension Places: LocalizedRecordKind {}
extension Recommendations: LocalizedRecordKind {}
extension WorkingGroups: LocalizedRecordKind {}
