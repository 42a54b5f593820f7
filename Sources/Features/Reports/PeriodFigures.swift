import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The figures of one period (a year holds some 50,000 engagements at the benchmark's scale, so nothing
/// here loads records one by one). What the reader may not see is not
/// counted: restricted engagements, and restricted people among the named participants, are left out
/// of every figure for a role that may not read restricted records.
public struct PeriodFigures: Sendable, Equatable, Codable {
    public struct Follow: Sendable, Equatable, Codable {
        public var total = 0, done = 0, open = 0, overdue = 0, dropped = 0
        /// Done out of those that were not dropped; nil when there were none.
        public var completion: Double? { total - dropped > 0 ? Double(done) / Double(total - dropped) : nil }
    }

    /// Reach by community: named people and head-counts apart, and the non-majority share of each.
    public struct Communities: Sendable, Equatable, Codable {
        /// Community name → named people ("" for people whose community is not recorded).
        public var named: [String: Int] = [:]
        /// Community name → people counted in head-counts (as recorded in the breakdowns; "" for the rest of each count).
        public var counted: [String: Int] = [:]
        public var nonMajorityNamed = 0, knownNamed = 0
        public var nonMajorityCounted = 0, knownCounted = 0

        public var nonMajorityShareNamed: Double? { knownNamed > 0 ? Double(nonMajorityNamed) / Double(knownNamed) : nil }
        public var nonMajorityShareCounted: Double? { knownCounted > 0 ? Double(nonMajorityCounted) / Double(knownCounted) : nil }
        public var nonMajorityShareTogether: Double? {
            knownNamed + knownCounted > 0 ? Double(nonMajorityNamed + nonMajorityCounted) / Double(knownNamed + knownCounted) : nil
        }
    }

    /// Reach by a fixed vocabulary — `HeadCountGender` or `AgeBand` raw value → people —, named people and
    /// head-counts apart. Named people count under their record's gender (the registry records no age, so
    /// they count as age not recorded); counted people as the head-counts' breakdowns give them, the part
    /// of a count a breakdown leaves over as not recorded. Each side adds up to its total.
    public struct Disaggregated: Sendable, Equatable, Codable {
        public var named: [String: Int] = [:]
        public var counted: [String: Int] = [:]
    }

    public var period: ReportPeriod
    public var engagements = 0
    /// Kind → engagements.
    public var byKind: [String: Int] = [:]
    /// `YYYY-MM` → engagements.
    public var byMonth: [String: Int] = [:]
    /// Municipality name → engagements ("" for engagements without a place in a municipality).
    public var byMunicipality: [String: Int] = [:]
    /// People named as participants, each once however often they took part.
    public var namedPeople = 0
    /// The sum of the head-counts; `countedAtLeast` when some were "more than".
    public var counted = 0
    public var countedAtLeast = false
    /// Governance level → named people (through the position each held on the day; "" for none known).
    public var peopleByLevel: [String: Int] = [:]
    /// Governance level → organisations reached (hosts and partners, and participants' organisations on the day).
    public var organizationsByLevel: [String: Int] = [:]
    public var communities = Communities()
    public var byGender = Disaggregated()
    public var byAge = Disaggregated()
    public var agreementsSigned: [AgreementSummary] = []
    /// Status → recommendations, as they stood at the end of the period.
    public var recommendationsByStatus: [String: Int] = [:]
    public var followUps = Follow()

    public var reached: Int { namedPeople + counted }
}
