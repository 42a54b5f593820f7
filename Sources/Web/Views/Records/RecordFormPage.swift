import Domain
import Features
import Markup

/// What a record kind's form page declares: its kind, its titles, the other version's facts and its fields.
/// The frame around them — the way back, the title, the conflict panel, the error summary, the token, the
/// version and the save button — is `RecordFormFrame`, the same for every kind.
protocol RecordFormPage {
    associatedtype Model: RecordFormModel
    static var form: RecordForm { get }
    /// The facts of the version someone else saved, shown above the form after a conflict.
    static func theirs(_ record: Model.Record, text: Localizer) -> Component?
    @ComponentBuilder
    static func fields(_ values: Model.Entries, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component
}

/// A record kind's form: where it posts, and the catalogue keys of its list and its titles.
struct RecordForm: Sendable {
    var resource: Resource
    var list: String, new: String, edit: String
    /// The server checks every field; `novalidate` keeps the browser from answering first in English.
    var novalidate = false

    /// `keys` names the kind in the catalogue: "agreements" for "agreements.title", "agreements.new" and
    /// "agreements.edit"; `edit` replaces the last.
    init(_ resource: Resource, keys: String, edit: String? = nil, novalidate: Bool = false) {
        self.resource = resource
        self.list = keys + ".title"
        self.new = keys + ".new"
        self.edit = edit ?? keys + ".edit"
        self.novalidate = novalidate
    }
}

/// What every record form shows: the record being edited (none for a new one), what the form holds, the
/// mistakes at their fields, and the newer version someone else saved.
protocol RecordFormModel: Sendable {
    associatedtype Record: RecordValue
    associatedtype Entries: FormVersion
    var existing: Record? { get }
    var values: Entries { get }
    var errors: Forms.Errors { get }
    var conflict: Record? { get }
}

extension RecordFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        frame(model, text: chrome.text).page(chrome: chrome) {
            fields(model.values, model.errors, model, text: chrome.text)
        }
    }

    static func frame(_ model: Model, text: Localizer) -> RecordFormFrame {
        let existing = model.existing, resource = form.resource
        return RecordFormFrame(
            title: existing.map { text(form.edit) + ": " + $0.label } ?? text(form.new),
            trail: [existing.map { ($0.label, .record(resource, $0.id)) } ?? (text(form.list), .list(resource))],
            action: existing.map { .record(resource, $0.id) } ?? .list(resource), version: model.values.version,
            errors: model.errors,
            conflict: model.conflict.map { .init(message: text("record.conflict"), theirs: theirs($0, text: text)) },
            novalidate: form.novalidate)
    }
}
