import Foundation

/// The catalogues Roundtable ships (`Sources/Domain/Resources/Catalogs/*.po`), read once, on first use —
/// the server asks for them at start so that a broken catalogue stops it there, not on a page.
public struct Catalogues: Sendable {
    let byLanguage: [Language: GettextCatalog]

    public static let shipped: Catalogues = {
        do {
            return try Catalogues(folder: Bundle.module.resourceURL!.appendingPathComponent("Catalogs"))
        } catch {
            fatalError("The interface's catalogues cannot be read: \(error)")
        }
    }()

    /// Reads `<tag>.po` for every language.
    public init(folder: URL) throws {
        var byLanguage: [Language: GettextCatalog] = [:]
        for language in Language.allCases {
            let file = folder.appendingPathComponent("\(language.tag).po")
            do {
                byLanguage[language] = try GettextCatalog.parse(String(contentsOf: file, encoding: .utf8))
            } catch {
                throw CatalogueError(file: file.lastPathComponent, reason: String(describing: error))
            }
        }
        self.byLanguage = byLanguage
    }

    public func catalog(_ language: Language) -> GettextCatalog {
        byLanguage[language] ?? GettextCatalog(language: language.tag, messages: [:])
    }

    public struct CatalogueError: Error, CustomStringConvertible {
        public var file: String, reason: String
        public var description: String { "\(file): \(reason)" }
    }
}
