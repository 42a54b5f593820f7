/// Whether a quote may be published: the speaker said yes to being quoted and the quote was not
/// withheld. A quote can be narrowed (withheld) but never widened beyond the speaker's consent. An
/// unnamed speaker's quote follows only its own mark. Reports and public updates ask this one rule.
public enum QuoteRule {
    public enum Verdict: String, Sendable, Equatable, Codable {
        case publishable
        case withheld
        case noConsent = "no_consent"
        case consentUnknown = "consent_unknown"
    }

    /// - Parameter consentToBeQuoted: the named speaker's answer; nil for an unnamed speaker.
    public static func verdict(consentToBeQuoted: ConsentAnswer?, withheld: Bool) -> Verdict {
        if withheld { return .withheld }
        switch consentToBeQuoted {
        case nil, .yes?: return .publishable
        case .no?: return .noConsent
        case .unknown?: return .consentUnknown
        }
    }
}
