/// Reads a spreadsheet's CSV export as rows of cells (RFC 4180 and what Excel actually writes):
/// UTF-8 with or without a byte-order mark, `,` `;` or tab between cells (whichever the header line
/// uses), CRLF, LF or CR line ends, and quoted cells holding separators, quotes and line breaks.
///
/// Our own rather than SwiftCSV or CSV.swift (both in the mirror): SwiftCSV 0.10 takes a quote that is
/// never closed as "the rest of the file is one cell" without a word, and neither says on which line a
/// problem is — and a user fixing a 5,000-row file needs the line. Working on bytes is also faster.
public struct CSVReader: Sendable {
    public struct Table: Sendable, Equatable {
        public var header: [String]
        /// The rows after the header, each with the spreadsheet's row number (the header is row 1).
        public var rows: [Row]
        public var separator: Character
    }

    public struct Row: Sendable, Equatable {
        /// The row's number as the spreadsheet shows it: the header is 1, the first record 2.
        public var number: Int
        public var cells: [String]

        public init(number: Int, cells: [String]) {
            self.number = number
            self.cells = cells
        }

        public subscript(column: Int) -> String { column < cells.count ? cells[column] : "" }
    }

    public enum Problem: Error, Equatable, Sendable {
        case notUTF8(line: Int)
        case empty
        case unclosedQuote(line: Int)
        case quoteInsideCell(line: Int)
        case tooManyRows(limit: Int)
        /// A spreadsheet of people has a few dozen columns; 200,000 of them is an attack on memory, not data.
        case tooManyColumns(line: Int, limit: Int)
    }

    public static func read(_ bytes: [UInt8], maxRows: Int = 1_000_000, maxColumns: Int = 500) throws(Problem) -> Table {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if String(validating: bytes, as: UTF8.self) == nil { throw .notUTF8(line: firstBadLine(bytes)) }
        let separator = guessSeparator(bytes)
        var records: [Row] = []
        // Counts every line that is a record, blank or not, so that row numbers are the spreadsheet's.
        var recordNumber = 0
        var cells: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var quoted = false, wasQuoted = false, quoteLine = 1
        var index = bytes.startIndex
        func endCell() {
            cells.append(String(decoding: cell, as: UTF8.self).trimmingCharacters(in: wasQuoted))
            cell.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endCell()
            recordNumber += 1
            // A line with nothing on it is not a record (Excel leaves them at the end).
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Row(number: recordNumber, cells: cells)) }
            cells = []
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.endIndex, bytes[index] == UInt8(ascii: "\"") {
                        cell.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if byte == 0x0A || (byte == 0x0D && (index == bytes.endIndex || bytes[index] != 0x0A)) { line += 1 }
                    if byte != 0x0D || (index < bytes.endIndex && bytes[index] != 0x0A) { cell.append(byte == 0x0D ? 0x0A : byte) }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                // A quote opens a cell only at its start (spaces before it allowed); anywhere else it is an error.
                guard cell.allSatisfy({ $0 == 0x20 }), !wasQuoted else { throw .quoteInsideCell(line: line) }
                cell.removeAll()
                quoted = true
                wasQuoted = true
                quoteLine = line
            case separator:
                endCell()
                if cells.count >= maxColumns { throw .tooManyColumns(line: line, limit: maxColumns) }
            case 0x0A, 0x0D:
                if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index += 1 }
                endRecord()
                line += 1
                if records.count > maxRows { throw .tooManyRows(limit: maxRows) }
            default:
                if wasQuoted, byte != 0x20 { throw .quoteInsideCell(line: line) }
                cell.append(byte)
            }
        }
        if quoted { throw .unclosedQuote(line: quoteLine) }
        if !cell.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        guard let header = records.first else { throw .empty }
        if records.count - 1 > maxRows { throw .tooManyRows(limit: maxRows) }
        let rows = Array(records.dropFirst())
        return Table(header: header.cells, rows: rows, separator: Character(Unicode.Scalar(separator)))
    }

    /// The separator the header line uses most: `;` where Excel's list separator is `;` (most of Europe).
    static func guessSeparator(_ bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A || byte == 0x0D { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    static func firstBadLine(_ bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}

private extension String {
    /// Cells lose the spaces around them unless they were quoted (then only the spaces outside the quotes,
    /// which the reader never kept).
    func trimmingCharacters(in quoted: Bool) -> String {
        if quoted { return self }
        var scalars = Substring(self)
        while scalars.first == " " || scalars.first == "\t" { scalars = scalars.dropFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
