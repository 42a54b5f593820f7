import Domain
import Features
import Vapor

/// The people pages: list, page, add, edit, delete (with confirmation), restore, history.
struct PeopleController: ListedRecordPages {
    static let resource = Resource.person
    typealias Kind = People

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = People.Query()
        let access = try await FieldAccess.of(req.actor, on: req.db)
        let hidden = access.hidden
        query.text = req.queryText("q")
        // The page offers no filter by a field the reader may not see; one in the address is left out.
        query.communityID = hidden.contains(.community) ? nil : UUID(uuidString: req.queryText("community"))
        query.placeID = hidden.contains(.place) ? nil : UUID(uuidString: req.queryText("place"))
        query.sensitivity = Sensitivity(rawValue: req.queryText("sensitivity"))
        query.sort = SortOrder(rawValue: req.queryText("sort")) ?? .name
        query.includeDeleted = req.queryText("deleted") == "1"
        query.page = req.queryPage()
        // The list and the filters' menus are read at the same time (each a round trip on PostgreSQL).
        let listQuery = query
        async let page = kind(req).list(listQuery, by: req.actor, today: req.today, access: access)
        async let communities = req.communityChoices()
        async let places = req.placeChoices()
        async let saved = req.savedFilters(of: .person)
        var model = PeopleIndexPage.Model(
            page: try await page, text: query.text ?? "", communityID: hidden.contains(.community) ? "" : req.queryText("community"),
            placeID: hidden.contains(.place) ? "" : req.queryText("place"),
            sensitivity: query.sensitivity?.rawValue ?? "", sort: query.sort.rawValue, includeDeleted: query.includeDeleted,
            communities: try await communities,
            places: try await places,
            canSeeRestricted: req.canSeeRestricted, canRestore: req.canRestore, canWrite: req.canWrite
        )
        model.hidden = hidden
        model.saved = try await saved
        model.bulk = try await PeopleBulkController().choices(req, communities: model.communities, places: model.places)
        return Pages.response(PeopleIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        // A deleted person (shown to those who may restore them) has no engagements, agreements or groups here.
        let (data, related) = try await kind(req).page(id, by: req.actor) { seen in
            async let history = Engagements(database: req.db, language: req.localizer.tag).history(with: seen, by: req.actor, today: req.today)
            async let partyTo = Agreements(database: req.db, language: req.localizer.tag).partyTo(seen, by: req.actor)
            async let memberships = WorkingGroups(database: req.db).memberships(of: seen, by: req.actor)
            return try await (history, partyTo, memberships)
        }
        let (relationship, agreements, groups) = related ?? (RelationshipHistory.none, [], [])
        var model = PersonPage.Model(data: data, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore, organizations: [],
                                     relationship: relationship, agreements: agreements, groups: groups)
        model.canErase = req.actor.can(.erasePeople)
        return PersonPage.view(model, chrome: chrome(req))
    }

    func input(_ form: PersonForm, existing: PersonRecord?, _ req: Request) async throws -> (PersonInput, [FieldIssue]) { (form.input, []) }

    struct PersonForm: Content, PostedForm {
        var name: String?, otherNames: String?, honorific: String?, gender: String?, communityID: String?, placeID: String?
        var languages: String?, emails: String?, phones: String?, notes: String?, sensitivity: String?, lawfulBasis: String?
        var consent_stored: String?, consent_named_publicly: String?, consent_quoted: String?, consent_photographed: String?
        var consentObtainedOn: String?, consentMethod: String?, version: String?

        var input: PersonInput {
            var input = PersonInput(name: name ?? "")
            input.otherNames = FormValues.list(otherNames)
            input.honorific = honorific
            input.gender = gender
            input.communityID = FormValues.uuid(communityID)
            input.placeID = FormValues.uuid(placeID)
            input.languages = FormValues.list(languages, commas: true)
            input.emails = FormValues.list(emails, commas: true)
            input.phones = FormValues.list(phones)
            input.notes = notes
            input.sensitivity = sensitivity ?? Sensitivity.normal.rawValue
            input.lawfulBasis = lawfulBasis ?? LawfulBasis.unknown.rawValue
            let answers: [(ConsentUse, String?)] = [(.stored, consent_stored), (.namedPublicly, consent_named_publicly),
                                                    (.quoted, consent_quoted), (.photographed, consent_photographed)]
            for (use, answer) in answers { if let answer { input.consent[use] = answer } }
            input.consentObtainedOn = consentObtainedOn
            input.consentMethod = consentMethod
            return input
        }

        var values: PersonFormPage.Values {
            var values = PersonFormPage.Values()
            values.name = name ?? ""; values.otherNames = otherNames ?? ""; values.honorific = honorific ?? ""
            values.gender = gender ?? ""; values.communityID = communityID ?? ""; values.placeID = placeID ?? ""
            values.languages = languages ?? ""; values.emails = emails ?? ""; values.phones = phones ?? ""; values.notes = notes ?? ""
            values.sensitivity = sensitivity ?? Sensitivity.normal.rawValue; values.lawfulBasis = lawfulBasis ?? LawfulBasis.unknown.rawValue
            values.consent = [ConsentUse.stored.rawValue: consent_stored ?? "unknown", ConsentUse.namedPublicly.rawValue: consent_named_publicly ?? "unknown",
                              ConsentUse.quoted.rawValue: consent_quoted ?? "unknown", ConsentUse.photographed.rawValue: consent_photographed ?? "unknown"]
            values.obtainedOn = consentObtainedOn ?? ""; values.method = consentMethod ?? ""; values.version = version ?? ""
            return values
        }
    }

    func formPage(_ req: Request, _ values: PersonFormPage.Values, existing: PersonRecord?, errors: [FieldIssue],
                  conflict: PersonRecord?) async throws -> String {
        let model = PersonFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            communities: try await req.communityChoices(),
            places: try await req.placeChoices(),
            canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false
        )
        return PersonFormPage.view(model, chrome: chrome(req))
    }
}
