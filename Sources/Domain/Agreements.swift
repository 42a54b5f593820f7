/// The vocabularies of agreements: what comes out of the meetings. Raw values are stored and appear in
/// the API; labels come from the catalogue (`agreementKind.partnership`, `agreementStatus.signed`, …).

public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case partnership
    case memorandumOfUnderstanding = "memorandum_of_understanding"
    case letterOfIntent = "letter_of_intent"
    case grant, other
}

/// Where an agreement stands. Each change is kept with its day (`agreement_status_changes`).
public enum AgreementStatus: String, CaseIterable, Codable, Sendable {
    case draft, signed, active, ended, terminated

    /// Signed, in force or over: it has a day it was signed on.
    public var needsSignedDay: Bool { self != .draft }
}

/// The part an organisation or a person plays in an agreement.
public enum PartyPart: String, CaseIterable, Codable, Sendable {
    case signatory, witness, partner, funder
}

/// How an engagement touched an agreement.
public enum AgreementEngagementLink: String, CaseIterable, Codable, Sendable {
    case discussed, signed
}

/// The rule for an agreement's days: signed before it runs out, and signed at all once past draft.
public enum AgreementDays {
    public enum Problem: Equatable, Sendable { case signedDayMissing, endsBeforeSigned }

    public static func problems(status: AgreementStatus, signedOn: Day?, validUntil: Day?) -> [Problem] {
        var problems: [Problem] = []
        if status.needsSignedDay && signedOn == nil { problems.append(.signedDayMissing) }
        if let signedOn, let validUntil, validUntil < signedOn { problems.append(.endsBeforeSigned) }
        return problems
    }
}

/// An agreement's document: a PDF, recognised by its content (the `%PDF-` header within the first kilobyte,
/// as readers accept it), not by its name, up to 25 MB.
public enum PDFFile {
    public static let maximumBytes = 25 * 1024 * 1024

    public static func isPDF(_ bytes: [UInt8]) -> Bool {
        let marker = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= marker.count else { return false }
        return (0...(window.count - marker.count)).contains { offset in Array(window[offset..<offset + marker.count]) == marker }
    }
}
