import Domain
import FluentKit
import Foundation
import Storage

/// The seed's field work: the February 2023 first visit with its open forum, and the August 2023 visit —
/// the Deputy Prime Minister on 7 August, the Mayor of Mitrovica South on 8 August, the consortium at
/// Community Building Mitrovica on 9 August (counted, not all named), UNMIK, and the Head of the Council of
/// Europe Office. Written through the use cases, so it is all in the audit trail.
struct DemoEngagements {
    let database: any Database
    /// Photos are drawn in code (no real people's pictures) and added when there is a folder for them.
    var photos: PhotoStore?
    let actor = Actor.commandLine

    func alreadyLoaded() async throws -> Bool {
        try await FieldVisitModel.query(on: database).count() > 0
    }

    func load(now: Date) async throws {
        let names = DemoNames(database: database)
        let people = try await names.people()
        let orgs = try await names.organizations()
        let users = try await names.ids(UserModel.self, by: \.email)
        let place = try await names.places()

        var february = FieldVisitInput(title: "First visit to Kosovo", startsOn: "2023-02-13", endsOn: "2023-02-16")
        february.status = VisitStatus.done.rawValue
        february.purpose = "Listen first: meet community organisations in Mitrovica and hear what divides and what connects."
        february.placeIDs = [place("Pristina"), place("North Mitrovica")].compactMap { $0 }
        february.memberUserIDs = [users["james.holmes@ico.example"], users["kubra.kalkandelen@ico.example"]].compactMap { $0 }
        let first = try await FieldVisits(database: database).create(february, by: actor, now: now)

        var forum = engagement(.openForum, "Open forum on living together in Mitrovica", start: "2023-02-15T17:00", visit: first.id,
                               place: place("North Mitrovica"), venue: "Community Building Mitrovica", minutes: 150,
                               hosts: [orgs["Community Building Mitrovica"]])
        forum.participants = [participant(people["Valdete Idrizi"], .host), participant(people["James Holmes"], .delegation),
                              participant(people["Kübra Kalkandelen"], .speaker)].compactMap { $0 }
        // Scenario 10's forum: the residents by gender, age band and community (communities by name, resolved on saving).
        forum.headCounts = [HeadCount(category: "residents from both sides of the river", count: 40, atLeast: true,
                                      byGender: ["woman": 21, "man": 17], byAge: ["under_18": 8, "18_24": 9, "25_59": 17, "60_over": 4],
                                      byCommunity: ["Albanian": 19, "Serb": 16, "Roma": 3])]
        forum.topics = ["inclusion", "dialogue", "youth"]
        forum.summary = "An open evening: residents, young people and local organisations on what keeps the two sides of the city apart."
        forum.outcomes = "Interest in a standing consortium of community organisations; young people asked for joint activities."
        forum.confidentiality = Confidentiality.public.rawValue
        forum.followUps = [FollowUpInput(text: "Propose a consortium of community organisations to CBM", ownerID: users["kubra.kalkandelen@ico.example"],
                                         dueOn: "2023-03-31", status: FollowUpStatus.done.rawValue)]
        _ = try await Engagements(database: database).create(forum, by: actor, now: now)

        var august = FieldVisitInput(title: "August 2023 visit to Kosovo", startsOn: "2023-08-07", endsOn: "2023-08-10")
        august.status = VisitStatus.done.rawValue
        august.purpose = "Agree a partnership on minority issues and human rights; meet local government and the consortium in Mitrovica."
        august.placeIDs = [place("Pristina"), place("Mitrovica South"), place("North Mitrovica")].compactMap { $0 }
        august.memberUserIDs = [users["james.holmes@ico.example"], users["kubra.kalkandelen@ico.example"]].compactMap { $0 }
        august.memberPersonIDs = [people["James Holmes"], people["Kübra Kalkandelen"]].compactMap { $0 }
        let visit = try await FieldVisits(database: database).create(august, by: actor, now: now)
        let delegation = [participant(people["James Holmes"], .delegation), participant(people["Kübra Kalkandelen"], .delegation)].compactMap { $0 }

        var dpm = engagement(.meeting, "Meeting with the Deputy Prime Minister for Minority Issues and Human Rights", start: "2023-08-07T10:00",
                             visit: visit.id, place: place("Pristina"), venue: "Government building", minutes: 90,
                             hosts: [orgs["Office of the Deputy Prime Minister for Minority Issues and Human Rights"]])
        dpm.participants = [participant(people["Emilija Redžepi"], .host)].compactMap { $0 } + delegation
        dpm.topics = ["minority rights", "human rights", "partnership"]
        dpm.summary = "Discussed the situation of non-majority communities and how local government can include them."
        dpm.outcomes = "A partnership agreement on minority issues and human rights was signed."
        dpm.decisions = "A working group will support local councillors in the self-governance process."
        dpm.confidentiality = Confidentiality.public.rawValue
        let dpmMeeting = try await Engagements(database: database).create(dpm, by: actor, now: now)
        if let holmes = people["James Holmes"] {
            _ = try await Quotes(database: database).add(QuoteInput(
                speakerID: holmes, text: "Grounded in our steadfast dedication to strategic policy development, the International Community Organisation remains resolutely committed to nurturing equality, embracing diversity, and championing inclusion within all communities.",
                language: "en"), to: dpmMeeting.id, by: actor, now: now)
        }

        if let photos {
            _ = try await Photos(database: database, store: photos).add(PhotoInput(
                bytes: GeneratedPicture.scene(width: 640, height: 400, seed: 7), caption: "The delegation with the Deputy Prime Minister in Pristina",
                credit: "ICO (generated picture)", peopleShown: [people["Emilija Redžepi"], people["James Holmes"], people["Kübra Kalkandelen"]].compactMap { $0 }),
                to: dpmMeeting.id, by: actor, now: now)
        }

        var mayor = engagement(.meeting, "Meeting with the Mayor of Mitrovica South", start: "2023-08-08T10:00", visit: visit.id,
                               place: place("Mitrovica South"), venue: "Municipal building", minutes: 60,
                               hosts: [orgs["Municipality of Mitrovica South"]])
        mayor.participants = [participant(people["Bedri Hamza"], .host)].compactMap { $0 } + delegation
        mayor.topics = ["local government", "inclusion"]
        mayor.outcomes = "The mayor supports a joint forum with the consortium; his office names a contact person."
        mayor.followUps = [FollowUpInput(text: "Send the meeting summary and the forum proposal to the mayor's office",
                                         ownerID: users["arta.krasniqi@ico.example"], dueOn: "2023-08-25")]
        // Public, as the seed's news post tells it: the check then names the mayor, who was never asked about photos.
        mayor.confidentiality = Confidentiality.public.rawValue
        let mayorMeeting = try await Engagements(database: database).create(mayor, by: actor, now: now)
        if let photos {
            _ = try await Photos(database: database, store: photos).add(PhotoInput(
                bytes: GeneratedPicture.scene(width: 640, height: 400, seed: 8),
                caption: "ICO Delegation met with Mitrovicë/Mitrovica South Mayor Bedri Hamza", credit: "ICO (generated picture)",
                peopleShown: [people["Bedri Hamza"], people["James Holmes"], people["Kübra Kalkandelen"]].compactMap { $0 }),
                to: mayorMeeting.id, by: actor, now: now)
        }

        var consortium = engagement(.consortiumAssembly, "Consortium assembly at Community Building Mitrovica", start: "2023-08-09T11:00",
                                    visit: visit.id, place: place("North Mitrovica"), venue: "Community Building Mitrovica", minutes: 180,
                                    hosts: [orgs["Community Building Mitrovica"]])
        consortium.participants = [participant(people["Valdete Idrizi"], .host), participant(people["Miloš Jovanović"], .participant)].compactMap { $0 } + delegation
        consortium.headCounts = [HeadCount(category: "community representatives", count: 25, byGender: ["woman": 13, "man": 12],
                                           byCommunity: ["Albanian": 10, "Serb": 9, "Bosniak": 3, "Turkish": 3]),
                                 HeadCount(category: "NGOs", count: 18),
                                 HeadCount(category: "leaders from diverse ethnic backgrounds", count: 20, atLeast: true)]
        consortium.topics = ["consortium", "inclusion", "dialogue"]
        consortium.summary = "The consortium met for the first time in full, after the tensions of the spring."
        consortium.outcomes = "Members agreed on a joint plan for the autumn and on two draft recommendations to the municipalities."
        consortium.confidentiality = Confidentiality.public.rawValue
        consortium.followUps = [FollowUpInput(text: "Circulate the draft recommendations to consortium members", ownerID: users["kubra.kalkandelen@ico.example"],
                                              dueOn: "2023-09-15")]
        let assembly = try await Engagements(database: database).create(consortium, by: actor, now: now)
        if let photos {
            _ = try await Photos(database: database, store: photos).add(PhotoInput(
                bytes: GeneratedPicture.scene(width: 640, height: 400, seed: 11),
                caption: "The consortium: 25 community representatives and 18 NGOs at Community Building Mitrovica", credit: "ICO (generated picture)"),
                to: assembly.id, by: actor, now: now)
        }
        if let kubra = people["Kübra Kalkandelen"] {
            _ = try await Quotes(database: database).add(QuoteInput(
                speakerID: kubra, text: "Our endeavours have centred on nurturing dialogue across all echelons of communities. This assembly shows the power of unity in driving change.",
                language: "en"), to: assembly.id, by: actor, now: now)
        }
        _ = try await Quotes(database: database).add(QuoteInput(
            speakerLabel: "a community representative from North Mitrovica", text: "Të rinjtë duan të takohen, jo të ndahen.", language: "sq",
            withheld: true), to: assembly.id, by: actor, now: now)

        var unmik = engagement(.meeting, "Meeting with UNMIK political affairs", start: "2023-08-09T16:00", visit: visit.id, place: place("Pristina"),
                               partners: [orgs["United Nations Interim Administration Mission in Kosovo"]])
        unmik.participants = [participant(people["Ana Marković"], .participant)].compactMap { $0 } + delegation
        unmik.topics = ["coordination"]
        unmik.outcomes = "Shared the consortium's plan; UNMIK will share its community-dialogue calendar."
        unmik.confidentiality = Confidentiality.internal.rawValue
        _ = try await Engagements(database: database).create(unmik, by: actor, now: now)

        var coe = engagement(.meeting, "Meeting with the Head of the Council of Europe Office in Pristina", start: "2023-08-10T09:30",
                             visit: visit.id, place: place("Pristina"), partners: [orgs["Council of Europe Office in Pristina"]])
        coe.participants = [participant(people["Frank Power"], .host)].compactMap { $0 } + delegation
        coe.topics = ["coordination", "human rights"]
        coe.outcomes = "Agreed to keep each other informed on support to local councillors."
        coe.confidentiality = Confidentiality.public.rawValue
        coe.followUps = [FollowUpInput(text: "Share the working group's terms of reference with the Council of Europe Office",
                                       ownerID: users["james.holmes@ico.example"], dueOn: "2023-10-01")]
        _ = try await Engagements(database: database).create(coe, by: actor, now: now)
    }

    /// An engagement of a visit: what, when (on Kosovo's clock), where, and who hosted it or took part as partners.
    private func engagement(_ kind: EngagementKind, _ title: String, start: String, visit: UUID, place: UUID?, venue: String? = nil,
                            minutes: Int? = nil, hosts: [UUID?] = [], partners: [UUID?] = []) -> EngagementInput {
        var input = EngagementInput(kind: kind.rawValue, title: title, start: start, timeZone: "Europe/Belgrade")
        input.visitID = visit
        input.placeID = place
        input.venue = venue
        input.durationMinutes = minutes
        input.hostIDs = hosts.compactMap { $0 }
        input.partnerIDs = partners.compactMap { $0 }
        return input
    }

    private func participant(_ id: UUID?, _ part: ParticipantPart) -> ParticipantInput? {
        id.map { ParticipantInput(personID: $0, part: part.rawValue) }
    }
}
