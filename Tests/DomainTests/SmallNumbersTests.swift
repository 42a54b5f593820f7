import Domain
import Testing

/// Small numbers that identify are suppressed in what is published: tables worked out by hand, "<" for
/// "fewer than 5", "x" for a figure withheld so that a hidden one cannot be worked out from a total.
@Suite("Small numbers in published figures")
struct SmallNumbersTests {
    let rule = SmallNumbers()

    func words(_ cells: [SmallNumbers.Cell]) -> [String] { cells.map(\.description) }

    @Test func theForumsThreeRomaWouldBeReadOffTheTotalSoTheNextSmallestCommunityIsWithheldToo() {
        // Albanian 19, Serb 16, Roma 3 of 38: hiding the 3 alone, 38 − 19 − 16 would still say 3.
        let forum = rule.breakdown([19, 16, 3], total: 38)
        #expect(words(forum.parts) == ["19", "x", "<"])
        #expect(forum.total == .exact(38))
    }

    @Test func nothingIsHiddenWhenEveryCountIsFiveOrMore() {
        let counts = rule.breakdown([5, 12, 0], total: 17)
        #expect(words(counts.parts) == ["5", "12", "0"] && counts.total == .exact(17))
    }

    @Test func aZeroIsShownAndNeverTheComplementWhileAnotherCountCanBe() {
        // A zero describes nobody; hiding it beside the 3 would leave 15 − 12 = 3.
        let counts = rule.breakdown([0, 12, 3], total: 15)
        #expect(words(counts.parts) == ["0", "x", "<"] && counts.total == .exact(15))
    }

    @Test func twoHiddenOnesThatAddUpToTwoAreBothOneSoAThirdFigureIsWithheld() {
        let counts = rule.breakdown([1, 1, 20], total: 22)
        #expect(words(counts.parts) == ["<", "<", "x"] && counts.total == .exact(22))
    }

    @Test func aOneBesideAWithheldFiveInASixWouldBeOneSoTheTotalGoesToo() {
        // A reader who knows the rule knows a complement is at least 5: 6 − 5 leaves 1.
        let counts = rule.breakdown([1, 5], total: 6)
        #expect(words(counts.parts) == ["<", "x"] && counts.total == .withheld)
    }

    @Test func aTotalBelowTheThresholdIsHiddenItself() {
        let counts = rule.breakdown([2, 1, 0], total: 3)
        #expect(words(counts.parts) == ["<", "<", "0"] && counts.total == .fewerThan)
    }

    @Test func theThresholdIsTheAdministratorsChoice() {
        let three = SmallNumbers(threshold: 3)
        #expect(words(three.breakdown([4, 10, 2], total: 16).parts) == ["x", "10", "<"])
        #expect(words(SmallNumbers(threshold: 11).breakdown([4, 10, 2], total: 16).parts) == ["<", "<", "<"])
        #expect(!SmallNumbers.allowedThresholds.contains(2), "“fewer than 2” would say “exactly 1”")
    }

    @Test func suppressionCascadesAcrossRowsAndColumns() {
        //            women  men  other | total
        // Albanian      20   12      0 |    32
        // Serb           3   10      0 |    13
        // Roma           6    8      0 |    14
        // total         29   30      0 |    59
        // The Serb women's 3 is hidden; its row would give it away (13 − 10), so the Serb men's 10 goes;
        // the women's column would too (29 − 20 − 6), so the Roma women's 6 goes; the men's column now has
        // the 10 alone (30 − 12 − 8), so the Roma men's 8 goes. The Roma row then has two withheld: stable.
        let table = rule.table([[20, 12, 0], [3, 10, 0], [6, 8, 0]])
        #expect(table.cells.map(words) == [["20", "12", "0"], ["<", "x", "0"], ["x", "x", "0"]])
        #expect(words(table.rowTotals) == ["32", "13", "14"])
        #expect(words(table.columnTotals) == ["29", "30", "0"])
        #expect(table.total == .exact(59))
    }

    @Test func aSmallRowTotalIsHiddenAndProtectedInTheColumnOfTotals() {
        //          women men | total
        // A            2   1 |     3
        // B           10  12 |    22
        // total       12  13 |    25
        // Row A and its total are small. Each column has one hidden count, so B's 10 and 12 are withheld;
        // the column of totals has A's 3 alone (25 − 22), so B's 22 is withheld as well.
        let table = rule.table([[2, 1], [10, 12]])
        #expect(table.cells.map(words) == [["<", "<"], ["x", "x"]])
        #expect(words(table.rowTotals) == ["<", "x"])
        #expect(words(table.columnTotals) == ["12", "13"])
        #expect(table.total == .exact(25))
    }

    @Test func aSinglePlaceCannotHideBehindItsTotalSoTheTotalIsHiddenToo() {
        // Three engagements, all in Zubin Potok: the place's 3 equals the total, so both are "fewer than 5";
        // the kinds add up to the same total and are hidden with it.
        let cells = rule.cells(["engagements": 3, "Zubin Potok": 3, "meeting": 2, "workshop": 1],
                               lines: [.init(parts: ["Zubin Potok"], total: "engagements"), .init(parts: ["meeting", "workshop"], total: "engagements")])
        #expect(cells.mapValues(\.description) == ["engagements": "<", "Zubin Potok": "<", "meeting": "<", "workshop": "<"])
    }

    @Test func linesAreReadTogetherSoTwoHiddenFiguresCannotPinEachOther() {
        // Named 4 + counted 63 = reached 67; the counted by age: 18–24 4, 25–59 17, not recorded 42.
        // Hiding the named 4 withholds the counted 63 (its line's other part). Alone, each line looks safe;
        // together, the age line says counted = 59 + (1…4) ≤ 63 and the reach line counted = 67 − (1…4) ≥ 63:
        // counted is 63, so both 4s would be known. The people reached are withheld too.
        let cells = rule.cells(["named": 4, "counted": 63, "reached": 67, "18_24": 4, "25_59": 17, "not_recorded": 42],
                               lines: [.init(parts: ["named", "counted"], total: "reached"),
                                       .init(parts: ["18_24", "25_59", "not_recorded"], total: "counted")])
        #expect(cells.mapValues(\.description) == ["named": "<", "counted": "x", "reached": "x", "18_24": "<", "25_59": "17", "not_recorded": "42"])
    }
}
