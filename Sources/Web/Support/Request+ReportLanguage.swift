import Domain
import Vapor

extension Request {
    /// The words of a report or an exported file: `?language=` when the reader chose one at export, else
    /// the reader's own. A language we do not speak is a mistake at that field, not a silent English.
    func reportLocalizer() throws -> Localizer {
        guard let tag = query[String.self, at: "language"], !tag.isEmpty else { return localizer }
        guard let language = Language(tag: tag) else {
            throw DomainError.invalid([FieldIssue(field: "language", "field.notAChoice")])
        }
        return Localizer(language)
    }
}
