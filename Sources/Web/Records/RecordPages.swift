import Domain
import Features
import Foundation
import Vapor

/// What a record kind's web pages declare: its form (what is posted, what is shown again, the input it
/// makes), its form page and its own page. `RecordActions` does the rest for every kind — the form,
/// saving with its three outcomes (saved, invalid at the field, conflict beside the newer version),
/// confirming a delete, deleting, restoring and the history.
protocol RecordPages: Sendable {
    associatedtype Kind: RecordKind
    /// What the form posts.
    associatedtype Form
    /// What the form shows: what was typed, or the record being edited.
    associatedtype Values: FormVersion

    static var resource: Resource { get }
    /// Who may open the record's page and history.
    static var readAccess: Access { get }

    func kind(_ req: Request) -> Kind
    func decode(_ req: Request) throws -> Form
    func values(of form: Form) -> Values
    func values(of record: Kind.Record, _ req: Request) -> Values
    /// The input the form makes; names typed into it are found here, and what is not found is an issue at its field.
    func input(_ form: Form, existing: Kind.Record?, _ req: Request) async throws -> (Kind.Input, [FieldIssue])
    func formPage(_ req: Request, _ values: Values, existing: Kind.Record?, errors: [FieldIssue], conflict: Kind.Record?) async throws -> String
    /// The record's own page; not found when the reader may not see it (the kind decides).
    func showPage(_ req: Request, id: UUID) async throws -> String

    /// The blank form (some kinds start it from the address: a position for a person).
    func newForm(_ req: Request) async throws -> Response
    /// Where a saved record is shown.
    func location(of record: Kind.Record) -> SiteURL
    /// Where to go once it is deleted, and what to say there.
    func afterDelete(_ record: Kind.Record) -> (SiteURL, Flash)
}

/// Pages of a kind with a list page of its own at `.list(resource)`. A kind with routes of its own
/// (linking, documents) registers them and then `RecordActions` itself.
protocol ListedRecordPages: RecordPages {
    func index(_ req: Request) async throws -> Response
}

extension ListedRecordPages {
    func register(_ routes: any RoutesBuilder) {
        RecordActions(self).register(routes, index: { try await index($0) })
    }
}

/// A form's values carry the version the edit started from; a blank form is `init()`.
protocol FormVersion: Sendable {
    var version: String { get set }
    init()
}

extension RecordPages {
    static var readAccess: Access { .permission(.readRecords) }


    /// The navigation entry marked current on these pages.
    static var section: SiteURL { .list(resource) }

    func chrome(_ req: Request) -> Chrome { Pages.chrome(for: req, current: Self.section) }

    func location(of record: Kind.Record) -> SiteURL { .record(Self.resource, record.id) }

    func newForm(_ req: Request) async throws -> Response { try await newForm(req) { _ in } }

    /// The blank form with what its address names filled in (a form started from another record's page).
    func newForm(_ req: Request, preset: (inout Values) -> Void) async throws -> Response {
        var values = Values()
        preset(&values)
        return Web.Pages.response(try await formPage(req, values, existing: nil, errors: [], conflict: nil), request: req)
    }

    func afterDelete(_ record: Kind.Record) -> (SiteURL, Flash) { (.list(Self.resource), Flash("record.deleted.done", record.label)) }
}

/// A posted form that shows again as it was typed, after a mistake or beside a newer version.
protocol PostedForm {
    associatedtype Values
    var values: Values { get }
}

/// A form's values as they start from the record being edited.
protocol RecordFormValues {
    associatedtype Record
    init(_ record: Record)
}

extension RecordPages where Form: PostedForm, Form.Values == Values {
    func values(of form: Form) -> Values { form.values }
}

extension RecordPages where Values: RecordFormValues, Values.Record == Kind.Record {
    func values(of record: Kind.Record, _ req: Request) -> Values { Values(record) }
}

extension RecordPages where Kind: LocalizedRecordKind {
    func kind(_ req: Request) -> Kind { Kind(database: req.db, language: req.localizer.tag) }
}

extension RecordPages where Form: Decodable {
    func decode(_ req: Request) throws -> Form { try req.content.decode(Form.self) }
}
