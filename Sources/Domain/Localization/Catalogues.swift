import Foundation

/// The catalogues Roundtable ships (`Sources/Domain/Resources/Catalogs/*.po`), read once, on first use.
/// The server calls `checkShipped()` at start, so a missing or broken catalogue stops it there with the
/// file and line, instead of pages showing keys.
public struct Catalogues: Sendable {
    let byLanguage: [Language: GettextCatalog]

    static let loaded: Result<Catalogues, CatalogueError> = {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Catalogs") else {
            return .failure(CatalogueError(file: "Catalogs", reason: "the resource folder is missing beside the program"))
        }
        do {
            return .success(try Catalogues(folder: folder))
        } catch let error as CatalogueError {
            return .failure(error)
        } catch {
            return .failure(CatalogueError(file: "Catalogs", reason: String(describing: error)))
        }
    }()

    /// The shipped catalogues; none (keys shown as they are) when they could not be read — which
    /// `checkShipped()` has already refused at start.
    public static var shipped: Catalogues { (try? loaded.get()) ?? Catalogues(byLanguage: [:]) }

    /// Throws what is wrong with the shipped catalogues, if anything.
    public static func checkShipped() throws { _ = try loaded.get() }

    init(byLanguage: [Language: GettextCatalog]) { self.byLanguage = byLanguage }

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
