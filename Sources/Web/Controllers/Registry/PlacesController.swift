import Domain
import Features
import Vapor

/// Places: the geography, from country to settlement, with a name in each language.
struct PlacesController: ListedRecordPages {
    static let resource = Resource.place
    typealias Kind = Places

    @Sendable func index(_ req: Request) async throws -> Response {
        let text = req.queryText("q"), placeKind = PlaceKind(rawValue: req.queryText("kind"))
        let page = try await kind(req).list(text: text, kind: placeKind, parentID: nil, page: req.queryPage(), by: req.actor)
        let model = PlacesIndexPage.Model(page: page, text: text, kind: placeKind?.rawValue ?? "", canWrite: req.canWrite)
        return Pages.response(PlacesIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.place))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let data = try await kind(req).page(id, by: req.actor)
        var query = Engagements.Query()
        query.placeID = data.place.id
        query.perPage = 10
        let engagements = try await Engagements(database: req.db, language: req.localizer.tag).list(query, by: req.actor)
        // What happened here over the same days as the engagements shown.
        let since = engagements.hasMore ? engagements.items.compactMap { Day(String($0.start.prefix(10))) }.min() : nil
        let context = try await ContextEvents(database: req.db, language: req.localizer.tag)
            .during(from: since, to: nil, placeIDs: [data.place.id], limit: 20, by: req.actor)
        return PlacePage.view(.init(data: data, canWrite: req.canWrite, engagements: engagements, context: context), chrome: chrome(req))
    }

    func values(of place: PlaceRecord, _ req: Request) -> PlaceFormPage.Values {
        var values = PlaceFormPage.Values()
        values.kind = place.kind
        values.parentID = place.parent?.id.path ?? ""
        values.latitude = place.latitude.map { String($0) } ?? ""
        values.longitude = place.longitude.map { String($0) } ?? ""
        values.version = String(place.version)
        values.names = place.names.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return values
    }

    /// The form's fields, with the name rows read from `language0`/`name0` … pairs.
    struct PlaceForm: PostedForm {
        var values = PlaceFormPage.Values()
        var latitudeIssue = false
        var longitudeIssue = false

        init(_ req: Request) throws {
            let fields = try req.content.decode([String: String].self)
            values.kind = fields["kind"] ?? ""
            values.parentID = fields["parentID"] ?? ""
            values.latitude = fields["latitude"] ?? ""
            values.longitude = fields["longitude"] ?? ""
            values.version = fields["version"] ?? ""
            for index in 0..<50 {
                let language = fields["language\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                let name = fields["name\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                if !language.isEmpty || !name.isEmpty { values.names.append((language, name)) }
            }
        }

        /// The input, with coordinates that are not numbers and half-filled name rows as issues.
        func input() -> (PlaceInput, [FieldIssue]) {
            var issues: [FieldIssue] = []
            let latitude = FormValues.double(values.latitude), longitude = FormValues.double(values.longitude)
            if latitude == nil { issues.append(FieldIssue(field: "latitude", "place.latitude")) }
            if longitude == nil { issues.append(FieldIssue(field: "longitude", "place.longitude")) }
            if values.names.contains(where: { $0.0.isEmpty || $0.1.isEmpty }) { issues.append(FieldIssue(field: "names", "place.nameRequired")) }
            let input = PlaceInput(kind: values.kind, parentID: FormValues.uuid(values.parentID),
                                   names: Dictionary(values.names, uniquingKeysWith: { a, _ in a }), latitude: latitude ?? nil, longitude: longitude ?? nil)
            return (input, issues)
        }
    }

    func decode(_ req: Request) throws -> PlaceForm { try PlaceForm(req) }
    func input(_ form: PlaceForm, existing: PlaceRecord?, _ req: Request) async throws -> (PlaceInput, [FieldIssue]) { form.input() }

    func formPage(_ req: Request, _ values: PlaceFormPage.Values, existing: PlaceRecord?, errors: [FieldIssue],
                  conflict: PlaceRecord?) async throws -> String {
        let model = PlaceFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                        places: try await req.placeChoices())
        return PlaceFormPage.view(model, chrome: chrome(req))
    }
}

