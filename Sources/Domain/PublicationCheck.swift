import Foundation

/// The check every public output passes before it may leave Roundtable: it lists every person the output
/// names, quotes or shows, and is clean only when each of them agreed to that use, or was left out, or
/// (for being named) anonymised. Restricted people are always left out, and never named in a list a
/// reader sees: a restricted record stays restricted even in the reasons an export is blocked.
///
/// Anonymising covers being named only: a quote still carries the speaker's words and a photo their
/// face, so those need the speaker's consent to be quoted or photographed, whatever the attribution.
public enum PublicationCheck {
    /// Someone the draft touches, with what they agreed to.
    public struct Subject: Sendable, Equatable {
        public var id: UUID
        public var name: String
        /// Other spellings and transliterations, searched for in the text as well.
        public var otherNames: [String]
        public var restricted: Bool
        public var named: ConsentAnswer
        public var quoted: ConsentAnswer
        public var photographed: ConsentAnswer

        public init(id: UUID, name: String, otherNames: [String] = [], restricted: Bool,
                    named: ConsentAnswer, quoted: ConsentAnswer, photographed: ConsentAnswer) {
            self.id = id
            self.name = name
            self.otherNames = otherNames
            self.restricted = restricted
            self.named = named
            self.quoted = quoted
            self.photographed = photographed
        }
    }

    /// What the draft would publish that involves people.
    public enum Item: Sendable, Equatable {
        /// A person named as taking part (`place` says where, for the list: "Meeting with the mayor, 8 Aug").
        case participant(UUID, place: String)
        case quote(id: UUID, speaker: UUID?, withheld: Bool, place: String)
        case photo(id: UUID, shown: [UUID], place: String)
        /// Words going out as typed, searched for the names of people who may not be named.
        case text(String, place: String)
    }

    public static func run(items: [Item], subjects: [UUID: Subject], decisions: Decisions) -> Result {
        var problems: [Problem] = []
        var uses: [UUID: [Use: ConsentAnswer]] = [:]
        var order: [UUID] = []
        var restricted = Set<UUID>()
        var withheld = 0
        func note(_ id: UUID, _ use: Use, _ answer: ConsentAnswer) {
            if uses[id] == nil { order.append(id) }
            uses[id, default: [:]][use] = answer
        }
        func appears(_ id: UUID) -> Subject? {
            guard let subject = subjects[id] else { return nil }
            if subject.restricted { restricted.insert(id); return nil }
            return decisions.decision(for: id).treatment == .leaveOut ? nil : subject
        }

        for item in items {
            switch item {
            case let .participant(id, place):
                guard let subject = appears(id) ?? leftOut(id, subjects, decisions, note: note) else { continue }
                note(id, .named, subject.named)
                if decisions.decision(for: id).treatment == .name, subject.named != .yes,
                   !problems.contains(where: { $0.person == id && $0.use == .named && $0.reason == .noConsent }) {
                    problems.append(Problem(person: id, use: .named, reason: .noConsent, answer: subject.named, place: place))
                }
            case let .quote(quoteID, speaker, isWithheld, place):
                if isWithheld { withheld += 1; continue }
                guard let speaker, !decisions.quotesLeftOut.contains(quoteID) else { continue }
                guard let subject = appears(speaker) ?? leftOut(speaker, subjects, decisions, note: note) else { continue }
                note(speaker, .quoted, subject.quoted)
                if subject.quoted != .yes {
                    problems.append(Problem(person: speaker, use: .quoted, reason: .noConsent, answer: subject.quoted, place: place, item: quoteID))
                }
                if decisions.decision(for: speaker).treatment == .name {
                    note(speaker, .named, subject.named)
                    if subject.named != .yes, !problems.contains(where: { $0.person == speaker && $0.use == .named && $0.reason == .noConsent }) {
                        problems.append(Problem(person: speaker, use: .named, reason: .noConsent, answer: subject.named, place: place))
                    }
                }
            case let .photo(photoID, shown, place):
                guard !decisions.photosLeftOut.contains(photoID) else { continue }
                // A photo of a restricted or left-out person does not go out at all.
                if shown.contains(where: { subjects[$0]?.restricted == true || decisions.decision(for: $0).treatment == .leaveOut }) {
                    shown.filter { subjects[$0]?.restricted == true }.forEach { restricted.insert($0) }
                    continue
                }
                for id in shown {
                    guard let subject = subjects[id] else { continue }
                    note(id, .shown, subject.photographed)
                    if subject.photographed != .yes {
                        problems.append(Problem(person: id, use: .shown, reason: .noConsent, answer: subject.photographed, place: place, item: photoID))
                    }
                }
            case let .text(text, place):
                let folded = " " + NameFolding.fold(text) + " "
                for subject in subjects.values.sorted(by: { $0.name < $1.name }) {
                    let treatment = decisions.decision(for: subject.id).treatment
                    guard subject.restricted || treatment != .name else { continue }
                    guard namesIn(folded, subject) else { continue }
                    if subject.restricted {
                        restricted.insert(subject.id)
                        problems.append(Problem(person: nil, use: .named, reason: .restrictedNameInText, place: place))
                    } else {
                        note(subject.id, .named, subject.named)
                        problems.append(Problem(person: subject.id, use: .named, reason: .nameInText, place: place))
                    }
                }
            }
        }
        let mentions = order.compactMap { id -> Mention? in
            guard let subject = subjects[id], let personUses = uses[id] else { return nil }
            return Mention(person: id, name: subject.name, decision: decisions.decision(for: id), uses: personUses)
        }
        return Result(mentions: mentions, problems: problems, restrictedLeftOut: restricted.count, quotesWithheld: withheld)
    }

    /// A person the author left out is still listed (so they can be brought back), but raises no problem.
    private static func leftOut(_ id: UUID, _ subjects: [UUID: Subject], _ decisions: Decisions,
                                note: (UUID, Use, ConsentAnswer) -> Void) -> Subject? {
        guard let subject = subjects[id], !subject.restricted else { return nil }
        note(id, .named, subject.named)
        return nil
    }

    /// Whether folded text contains the person's full name, another of their names, or their surname
    /// (the last word, when it is long enough not to be a common word): "Mayor Hamza" names Bedri Hamza.
    static func namesIn(_ foldedText: String, _ subject: Subject) -> Bool {
        for name in [subject.name] + subject.otherNames {
            let words = NameFolding.tokens(name)
            guard !words.isEmpty else { continue }
            if foldedText.contains(" " + words.joined(separator: " ") + " ") { return true }
            if let surname = words.last, words.count > 1, surname.count >= 4, foldedText.contains(" " + surname + " ") { return true }
        }
        return false
    }

    /// Whether an output without an author to decide (a shared spreadsheet) may print this person's name:
    /// only with their consent to be named publicly, and never a restricted person's.
    public static func mayName(_ subject: Subject) -> Bool { !subject.restricted && subject.named == .yes }

    /// How the output shows a person: their name, the anonymising label, or nothing.
    public static func shownName(of subject: Subject, decisions: Decisions, anonymous: String) -> String? {
        if subject.restricted { return nil }
        let decision = decisions.decision(for: subject.id)
        switch decision.treatment {
        case .name: return subject.name
        case .anonymise:
            let label = decision.label?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return label.isEmpty ? anonymous : label
        case .leaveOut: return nil
        }
    }

    /// Whether a quote goes out: not withheld, not left out, and its speaker (if named in the record) appears.
    public static func includes(quote id: UUID, speaker: UUID?, withheld: Bool, subjects: [UUID: Subject], decisions: Decisions) -> Bool {
        guard !withheld, !decisions.quotesLeftOut.contains(id) else { return false }
        guard let speaker else { return true }
        guard let subject = subjects[speaker] else { return false }
        return shownName(of: subject, decisions: decisions, anonymous: "") != nil
    }

    /// Whether a photo goes out: not left out, and nobody it shows is restricted or left out.
    public static func includes(photo id: UUID, shown: [UUID], subjects: [UUID: Subject], decisions: Decisions) -> Bool {
        guard !decisions.photosLeftOut.contains(id) else { return false }
        return shown.allSatisfy { person in
            guard let subject = subjects[person] else { return false }
            return shownName(of: subject, decisions: decisions, anonymous: "") != nil
        }
    }
}
