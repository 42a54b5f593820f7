import Domain
import Vapor

/// Errors that only exist at the HTTP edge.
enum WebError: Error, Equatable {
    case unauthenticated
    case forbidden
    case notFound
    case csrf
    /// The detail is a catalogue key.
    case badRequest(String)
    case unsupportedMediaType
    /// A body sent compressed (`Content-Encoding: gzip`): the server reads bodies as they are sent.
    case unsupportedEncoding
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The client said which version it changed with `If-Match`, and that is not the current one.
    case preconditionFailed(current: Int)
    /// An If-Match that is not an entity tag: no usable precondition was given (428, like none at all).
    case preconditionMalformed
    /// The request is understood but the record's state forbids it (a public update whose check is not clean);
    /// the detail is a catalogue key.
    case blocked(String)
}

/// An error turned into what the client sees: a status, a title, details, and per-field issues.
struct Problem: Sendable {
    var status: HTTPResponseStatus
    var titleKey: String
    var detail: String?
    var issues: [FieldIssue] = []
    var headers: HTTPHeaders = [:]
    /// Problems that are the server's fault are logged; the client's are not.
    var isServerFault = false

    static func from(_ error: any Error, on request: Request) -> Problem {
        let text = request.localizer
        switch error {
        case let error as DomainError:
            return from(error, text: text)
        case let error as WebError:
            switch error {
            case .unauthenticated:
                return Problem(status: .unauthorized, titleKey: "error.unauthenticated", headers: ["WWW-Authenticate": "Bearer"])
            case .forbidden: return Problem(status: .forbidden, titleKey: "error.forbidden")
            case .notFound: return Problem(status: .notFound, titleKey: "error.notFound")
            case .csrf: return Problem(status: .forbidden, titleKey: "error.csrf")
            case .badRequest(let key): return Problem(status: .badRequest, titleKey: "error.badRequest", detail: text(key))
            case .unsupportedMediaType: return Problem(status: .unsupportedMediaType, titleKey: "error.badRequest", detail: text("error.body.mediaType"))
            case .unsupportedEncoding: return Problem(status: .unsupportedMediaType, titleKey: "error.badRequest", detail: text("error.body.encoding"))
            case .methodNotAllowed(let allowed):
                return Problem(status: .methodNotAllowed, titleKey: "error.methodNotAllowed",
                               headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
            case .preconditionFailed(let current):
                return Problem(status: .preconditionFailed, titleKey: "error.conflict", headers: ["ETag": IfMatch.tag(current)])
            case .preconditionMalformed:
                return Problem(status: .preconditionRequired, titleKey: "error.versionRequired", detail: text("error.ifMatch"))
            case .blocked(let key):
                return Problem(status: .conflict, titleKey: "error.blocked", detail: text(key))
            }
        case let error as DecodingError:
            return fromDecoding(error)
        case let error as any AbortError:
            switch error.status {
            case .notFound: return Problem(status: .notFound, titleKey: "error.notFound")
            case .payloadTooLarge: return Problem(status: .payloadTooLarge, titleKey: "error.tooLarge")
            case .unsupportedMediaType: return Problem(status: .unsupportedMediaType, titleKey: "error.badRequest", detail: error.reason)
            default:
                if error.status.code >= 500 { return Problem(status: error.status, titleKey: "error.server", isServerFault: true) }
                return Problem(status: error.status, titleKey: "error.badRequest", detail: error.reason)
            }
        default:
            return Problem(status: .internalServerError, titleKey: "error.server", isServerFault: true)
        }
    }

    static func from(_ error: DomainError, text: Localizer) -> Problem {
        switch error {
        case .invalid(let issues): return Problem(status: .unprocessableEntity, titleKey: "error.invalid", issues: issues)
        case .notFound: return Problem(status: .notFound, titleKey: "error.notFound")
        case .gone: return Problem(status: .gone, titleKey: "error.gone")
        case .forbidden: return Problem(status: .forbidden, titleKey: "error.forbidden")
        case .versionConflict(let current):
            return Problem(status: .conflict, titleKey: "error.conflict", headers: ["ETag": IfMatch.tag(current)])
        case .versionRequired: return Problem(status: .preconditionRequired, titleKey: "error.versionRequired")
        case .conflict(let issue): return Problem(status: .conflict, titleKey: "error.invalid", issues: [issue])
        case .invalidCredentials: return Problem(status: .unauthorized, titleKey: "signIn.failed")
        case .throttled(let until):
            let seconds = max(1, Int((until - Date().timeIntervalSince1970).rounded(.up)))
            return Problem(status: .tooManyRequests, titleKey: "error.badRequest",
                           detail: text("signIn.throttled", text.dateTime(Date(timeIntervalSince1970: until))), headers: ["Retry-After": String(seconds)])
        case .notAllowed(let key): return Problem(status: .conflict, titleKey: "error.badRequest", detail: text(key))
        }
    }

    /// Bad JSON is the client's mistake: name the field when the decoder knows it.
    static func fromDecoding(_ error: DecodingError) -> Problem {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return Problem(status: .unprocessableEntity, titleKey: "error.invalid",
                           issues: [FieldIssue(field: field(context.codingPath + [key]), "field.required")])
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return Problem(status: .unprocessableEntity, titleKey: "error.invalid",
                           issues: [FieldIssue(field: field(context.codingPath), "field.wrongType")])
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return Problem(status: .badRequest, titleKey: "error.body.notJSON")
            }
            return Problem(status: .unprocessableEntity, titleKey: "error.invalid",
                           issues: [FieldIssue(field: field(context.codingPath), "field.wrongType")])
        @unknown default:
            return Problem(status: .badRequest, titleKey: "error.badRequest")
        }
    }
}
