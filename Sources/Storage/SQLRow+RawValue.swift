import Foundation
import SQLKit

extension SQLRow {
    /// A Domain enum stored as its raw text, read as text and then the enum. PostgresKit decodes a type that is
    /// not one of PostgresNIO's own through a `Decoder`, with a dynamic cast and a container for each value.
    public func decode<Value: RawRepresentable>(column: String, rawValueOf type: Value.Type) throws -> Value where Value.RawValue == String {
        let text = try decode(column: column, as: String.self)
        guard let value = Value(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(column): \"\(text)\" is not a \(Value.self)"))
        }
        return value
    }
}
