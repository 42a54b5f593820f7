import Foundation

extension Array where Element == UUID {
    /// Linked records as a record's history compares them (its places, its members, whom it is addressed to):
    /// by identity, not name, since the history is read by roles that may not see every record; each once and
    /// in a fixed order, so that saving the same links again is no change; none as no value.
    var auditValue: String? {
        isEmpty ? nil : Set(self).map(\.uuidString).sorted().joined(separator: ", ")
    }
}
