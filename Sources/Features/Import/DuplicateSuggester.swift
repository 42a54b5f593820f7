import Domain
import Foundation

/// Suggests, row by row, the record already kept or the earlier row of the same file that a row's name
/// looks like — the kept record first. People and organisations are checked alike.
struct DuplicateSuggester {
    /// The records already kept, and their names as shown.
    let kept: DuplicateIndex<UUID>
    let keptNames: [UUID: String]
    private var earlier = DuplicateIndex<Int>()
    private var earlierNames: [Int: String] = [:]

    init(kept: DuplicateIndex<UUID>, keptNames: [UUID: String]) {
        self.kept = kept
        self.keptNames = keptNames
    }

    /// The suggestion for this row, if any; the row is then filed for the rows after it.
    mutating func suggestion(row: Int, name written: String, otherNames: [String]) -> DuplicateSuggestion? {
        guard !written.isEmpty else { return nil }
        let name = DuplicateNames.Name(written)
        var found: DuplicateSuggestion?
        if let match = kept.matches(for: name, limit: 1).first {
            found = DuplicateSuggestion(row: row, name: written, likeness: match.likeness,
                                        existing: RecordRef(id: match.id, name: keptNames[match.id] ?? match.name), matchedName: match.name)
        } else if let match = earlier.matches(for: name, limit: 1).first {
            found = DuplicateSuggestion(row: row, name: written, likeness: match.likeness, earlierRow: match.id,
                                        matchedName: earlierNames[match.id] ?? match.name)
        }
        earlier.add(row, prepared: [name] + otherNames.map(DuplicateNames.Name.init))
        earlierNames[row] = written
        return found
    }
}
