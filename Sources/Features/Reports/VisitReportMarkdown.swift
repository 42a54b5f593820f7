import Domain
import Foundation

/// The visit report as Markdown, for pasting into a newsletter draft or a donor report. Text typed by
/// users is escaped so that a name or an outcome cannot turn into a link or a heading.
public enum VisitReportMarkdown {
    public static func render(_ report: VisitReport, text: Localizer) -> String {
        var out: [String] = []
        let visit = report.visit
        out.append("# " + escape(visit.summary.title))
        out.append("")
        out.append(text.days(visit.summary.startsOn, visit.summary.endsOn) + (visit.places.isEmpty ? "" : " · " + escape(visit.places.map(\.name).joined(separator: ", "))))
        if !report.delegation.isEmpty {
            out.append("")
            out.append("**\(text("visits.delegation"))**: " + escape(report.delegation.joined(separator: ", ")))
        }
        if let introduction = report.narrative.introduction {
            out.append("")
            out.append(escape(introduction))
        }
        section(&out, text("report.summary"), paragraphs: [visit.purpose, visit.notes].compactMap { $0 })
        out.append("")
        out.append("## " + text("report.engagements"))
        if report.engagements.isEmpty { out.append(""); out.append(text("report.none")) }
        for record in report.engagements {
            let summary = record.summary
            out.append("")
            out.append("### " + escape(summary.title))
            out.append("")
            out.append(escape(([text.wallClock(summary.start), summary.place?.name, summary.venue].compactMap { $0 }).joined(separator: " · ")))
            if !record.participants.isEmpty {
                out.append("")
                out.append("**\(text("report.participants"))**")
                out.append("")
                for participant in record.participants {
                    let role = [participant.title, participant.organization].compactMap { $0 }.joined(separator: ", ")
                    out.append("- " + escape(participant.person.name) + (role.isEmpty ? "" : " — " + escape(role)))
                }
            }
            if !record.headCounts.isEmpty {
                out.append("")
                out.append("**\(text("report.headCounts"))**: " + escape(record.headCounts.map { "\($0.category): \($0.displayCount)" }.joined(separator: "; ")))
            }
            section(&out, text("report.outcomes"), paragraphs: [record.outcomes].compactMap { $0 }, level: 4)
            section(&out, text("report.decisions"), paragraphs: [record.decisions].compactMap { $0 }, level: 4)
            if !record.quotes.isEmpty {
                out.append("")
                out.append("#### " + text("report.quotes"))
                for quote in record.quotes {
                    out.append("")
                    out.append("> " + escape(quote.text).replacingOccurrences(of: "\n", with: "\n> "))
                    let speaker = quote.speaker?.name ?? quote.speakerLabel ?? ""
                    out.append("> — " + escape(speaker) + (quote.publication == .publishable ? "" : " (\(text("quotes.verdict.\(quote.publication.rawValue)")))"))
                }
            }
            if !record.photos.isEmpty {
                out.append("")
                out.append("#### " + text("report.photos"))
                out.append("")
                for photo in record.photos {
                    out.append("- " + escape([photo.caption, photo.credit.map { text("photos.credited", $0) }].compactMap { $0 }.joined(separator: " · ")))
                }
            }
        }
        if !report.agreements.isEmpty || !report.workingGroups.isEmpty {
            out.append("")
            out.append("## " + text("report.agreements"))
            out.append("")
            for agreement in report.agreements {
                out.append("- " + escape(agreement.title) + " — " + text("agreementStatus.\(agreement.status.rawValue)")
                           + (agreement.signedOn.map { ", \($0)" } ?? ""))
            }
            for group in report.workingGroups { out.append("- " + text("report.groupStarted", escape(group.name))) }
        }
        let followUps = report.followUps
        if !followUps.isEmpty {
            out.append("")
            out.append("## " + text("report.followUps"))
            out.append("")
            for item in followUps {
                let meta = [item.owner?.name, item.dueOn.map { text("followUps.due", text.day($0)) }, text("followUpStatus.\(item.status.rawValue)")]
                out.append("- " + escape(item.text) + " (" + escape(meta.compactMap { $0 }.joined(separator: ", ")) + ")")
            }
        }
        section(&out, text("report.conclusions"), paragraphs: [report.narrative.conclusions].compactMap { $0 })
        section(&out, text("report.nextSteps"), paragraphs: [report.narrative.nextSteps].compactMap { $0 })
        if !report.context.isEmpty {
            out.append("")
            out.append("## " + text("report.context"))
            out.append("")
            for event in report.context {
                let days = text.days(event.period.startsOn, event.period.endsOn)
                out.append("- " + days + ": " + escape(event.title) + (event.places.isEmpty ? "" : " (" + escape(event.places.map(\.name).joined(separator: ", ")) + ")"))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func section(_ out: inout [String], _ title: String, paragraphs: [String], level: Int = 2) {
        guard !paragraphs.isEmpty else { return }
        out.append("")
        out.append(String(repeating: "#", count: level) + " " + title)
        for paragraph in paragraphs {
            out.append("")
            out.append(escape(paragraph))
        }
    }

    /// Backslash before the characters Markdown reads as markup inside a line (emphasis, links, code, HTML),
    /// and before whatever would start a heading, a list or a quote at the start of a line.
    static func escape(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var result = ""
            for character in line {
                if "\\`*_[]<>|~".contains(character) { result.append("\\") }
                result.append(character)
            }
            let trimmed = result.drop { $0 == " " }
            if let first = trimmed.first, "#-+>=".contains(first) || (first.isNumber && trimmed.drop(while: \.isNumber).first.map { $0 == "." || $0 == ")" } == true) {
                let offset = result.count - trimmed.count
                result.insert("\\", at: result.index(result.startIndex, offsetBy: offset))
            }
            return result
        }.joined(separator: "\n")
    }
}
