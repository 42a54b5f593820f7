extension Sequence where Element: Hashable {
    /// The elements in their order, each once: a list of links or names a reader typed or sent with repeats.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
