import Domain
import Markup
import Vapor

/// Turns every error into what the client can use: RFC 9457 problem JSON under `/api`, a page
/// elsewhere, a sign-in redirect for browsers that are not signed in. Never a bare 500 for client input.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let response = Self.response(for: Self.refine(error, request: request), request: request)
            // The problem is written in the reader's language; say which.
            response.headers.replaceOrAdd(name: .contentLanguage, value: request.localizer.tag)
            return response
        }
    }

    /// A 404 for a path that exists under another method is a 405.
    static func refine(_ error: any Error, request: Request) -> any Error {
        guard request.route == nil, (error as? any AbortError)?.status == .notFound else { return error }
        let allowed = request.application.routes.all.filter { matches($0.path, request.url.path) }.map(\.method)
        return allowed.isEmpty ? error : WebError.methodNotAllowed(allowed: allowed)
    }

    static func matches(_ pattern: [PathComponent], _ path: String) -> Bool {
        let segments = path.split(separator: "/")
        guard segments.count == pattern.count else { return false }
        for (component, segment) in zip(pattern, segments) {
            switch component {
            case .constant(let value): if value != segment { return false }
            case .parameter, .anything: continue
            case .catchall: return true
            }
        }
        return true
    }

    static func response(for error: any Error, request: Request) -> Response {
        let problem = Problem.from(error, on: request)
        if problem.isServerFault {
            // The error's type and message, never the request body: it may hold passwords or notes.
            request.logger.report(error: error)
        }
        if request.isAPI || request.url.path == SiteURL.healthz.path {
            return json(problem, request: request)
        }
        if problem.status == .unauthorized {
            let next = request.method == .GET ? request.url.path : SiteURL.home.path
            let response = Response(status: .seeOther, headers: ["Location": SiteURL.signIn.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_"))) ?? "/")])
            return response
        }
        return page(problem, request: request)
    }

    static func json(_ problem: Problem, request: Request) -> Response {
        let text = request.localizer
        struct Body: Encodable {
            /// `pointer` (RFC 9457's extension, a JSON Pointer into the request body) is given for a part of an
            /// item in a list, whose field is already that path: `headCounts/1/byGender`.
            struct Issue: Encodable { var field: String; var message: String; var code: String; var pointer: String? }
            var type: String
            var title: String
            var status: Int
            var detail: String?
            var instance: String
            var errors: [Issue]?
        }
        let body = Body(
            type: "about:blank", title: text(problem.titleKey), status: Int(problem.status.code),
            detail: problem.detail, instance: request.url.path,
            errors: problem.issues.isEmpty ? nil : problem.issues.map { .init(field: $0.field, message: text.message($0), code: $0.messageKey,
                                                                                         pointer: $0.field.contains("/") ? "#/" + $0.field : nil) }
        )
        let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
        var headers = problem.headers
        headers.replaceOrAdd(name: .contentType, value: "application/problem+json")
        return Response(status: problem.status, headers: headers, body: .init(data: data))
    }

    static func page(_ problem: Problem, request: Request) -> Response {
        let chrome = Pages.chrome(for: request)
        let model = ErrorPage.Model(titleKey: problem.titleKey, detail: problem.detail, issues: problem.issues)
        let html = ErrorPage.view(model, chrome: chrome)
        let response = Pages.response(html, status: problem.status, request: request)
        for (name, value) in problem.headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
