import Domain

/// The version check every update and delete makes: nil means the caller did not say (refused).
func requireVersion(_ expected: Int?, current: Int) throws {
    guard let expected else { throw DomainError.versionRequired }
    guard expected == current else { throw DomainError.versionConflict(current: current) }
}
