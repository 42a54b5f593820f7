import Domain

/// A record a request names in what it sends (a field), not in its address. When it is not there — or the
/// caller may not see it — the request is a mistake at that field (422 in the API, the field named), as
/// every other reference already is (a person's place, a quote's speaker …). "Not found" (404) stays for
/// the record the address names: a client can tell "this agreement is gone" from "the engagement I named is
/// not one", and a record just created is never answered 404 because another was not found (issue 21:
/// schemathesis read exactly that as "the record it had just created is not there").
public enum NamedReference {
    /// Runs `action`; a record of `recordType` (of any type when nil) not found becomes an issue at `field`.
    /// With a type, only for actions whose address names a record of another type, so that the record not
    /// found can only be the named one.
    public static func check<T>(_ field: String, is recordType: String? = nil, _ action: () async throws -> T) async throws -> T {
        do {
            return try await action()
        } catch DomainError.notFound(let type) where recordType == nil || type == recordType {
            throw DomainError.invalid([FieldIssue(field: field, "reference.unknown")])
        } catch DomainError.gone(let type) where recordType == nil || type == recordType {
            throw DomainError.invalid([FieldIssue(field: field, "reference.unknown")])
        }
    }
}
