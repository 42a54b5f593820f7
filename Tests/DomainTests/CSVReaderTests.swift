import Domain
import Testing

@Suite("Reading spreadsheets' CSV as Excel and LibreOffice write it")
struct CSVReaderTests {
    func read(_ text: String) throws -> CSVReader.Table { try CSVReader.read(Array(text.utf8)) }

    @Test func excelsSemicolonsBOMCRLFAndQuotedLineBreaks() throws {
        let table = try read("\u{FEFF}Emri;Shënime\r\n\"Redžepi; Emilija\";\"two\r\nlines, \"\"quoted\"\"\"\r\nРеџепи;\r\n\r\n")
        #expect(table.separator == ";" && table.header == ["Emri", "Shënime"])
        #expect(table.rows == [.init(number: 2, cells: ["Redžepi; Emilija", "two\nlines, \"quoted\""]), .init(number: 3, cells: ["Реџепи", ""])])
    }

    @Test func commasAndTabsAndRowNumbersThatSkipBlankLines() throws {
        #expect(try read("a,b\n1,2\n\n3,4").rows.map(\.number) == [2, 4])
        #expect(try read("a\tb\n1\t2\n").separator == "\t")
        #expect(try read("a,b\r 1 , 2 \r").rows[0].cells == ["1", "2"], "old Mac line ends; spaces around a cell dropped")
    }

    /// 200,000 columns of commas are refused while reading, at their line, before anything is staged.
    @Test func aFileWithTooManyColumnsIsRefusedAtItsLine() throws {
        let wide = "name,role\nAna,chair\n" + String(repeating: ",", count: 200_000) + "\n"
        #expect(throws: CSVReader.Problem.tooManyColumns(line: 3, limit: 500)) { try read(wide) }
        #expect(try read("a" + String(repeating: ",a", count: 499)).header.count == 500)
    }

    @Test func mistakesAreReportedWithTheirLine() {
        #expect(throws: CSVReader.Problem.unclosedQuote(line: 3)) { try read("a,b\n1,2\n\"open,3\n4,5\n") }
        #expect(throws: CSVReader.Problem.quoteInsideCell(line: 2)) { try read("a,b\n1 \"x\",2\n") }
        #expect(throws: CSVReader.Problem.notUTF8(line: 2)) { try CSVReader.read(Array("a,b\n".utf8) + [0x52, 0x65, 0x64, 0x9E, 0x65, 0x70, 0x69] + Array("\n".utf8)) }
        #expect(throws: CSVReader.Problem.empty) { try read("") }
    }

    @Test("days and times as the region writes them", arguments: [
        ("2024-03-05", "2024-03-05"), ("5.3.2024", "2024-03-05"), ("05.03.2024.", "2024-03-05"), ("5/3/2024", "2024-03-05"),
    ])
    func days(_ written: String, _ iso: String) {
        #expect(SpreadsheetCell.day(written)?.description == iso)
    }

    @Test func notDays() {
        #expect(SpreadsheetCell.day("31.2.2024") == nil && SpreadsheetCell.day("March 5") == nil && SpreadsheetCell.day("5.3.24") == nil)
        #expect(SpreadsheetCell.time("9:30")! == (9, 30) && SpreadsheetCell.time("14.00")! == (14, 0) && SpreadsheetCell.time("25:00") == nil)
        #expect(SpreadsheetCell.list("a@x.org, b@x.org; c@x.org", commas: true) == ["a@x.org", "b@x.org", "c@x.org"])
        #expect(SpreadsheetCell.choice("NGO", keys: ["ngo", "media"], label: { $0 == "ngo" ? "NGO / CSO" : "Media" }) == "ngo")
    }
}
