import Vapor

/// A body sent compressed (`Content-Encoding: gzip`, RFC 9110 §8.4) is refused with 415 and says so, rather
/// than read as if it were plain and answered "not JSON" — or, were decompression on, inflated without
/// bound. Browsers and API clients send bodies as they are.
struct ContentEncodingMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let encodings = request.headers[.contentEncoding].flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty && $0 != "identity" }
        guard encodings.isEmpty else { throw WebError.unsupportedEncoding }
        return try await next.respond(to: request)
    }
}
