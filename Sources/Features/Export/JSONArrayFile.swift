import Foundation

/// A JSON array written to a file one element at a time, so an export of 300,000 engagements never holds
/// them all in memory: one element a line, which also keeps the files readable and diffable.
final class JSONArrayFile {
    let url: URL
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private(set) var count = 0
    private var buffer = Data()

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: Data("[".utf8)) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.url = url
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    func append<T: Encodable>(_ element: T) throws {
        buffer.append(contentsOf: Array((count == 0 ? "\n" : ",\n").utf8))
        buffer.append(try encoder.encode(element))
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Ends the array and closes the file.
    func close() throws {
        buffer.append(contentsOf: Array((count == 0 ? "]\n" : "\n]\n").utf8))
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
