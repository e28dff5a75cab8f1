import ShipshapeDiagnostics
import ShipshapeMessage

/// The most findings one line-length rule reports for a message.
let maxLineLengthFindings = 10

/// One finding per line of the range longer than the configured limit, at most
/// `maxLineLengthFindings` of them.
///
/// When more lines are too long, the last reported finding also says how many more there are
/// (`…and 69,990 more lines longer than 100 characters`), so a pasted log cannot flood the output.
func lineLengthFindings(
    _ id: String, what: String, lines: ClosedRange<Int>, _ context: RuleContext, _ configuration: RuleConfiguration
) -> [Finding] {
    guard let limit = configuration.integerValue else { return [] }
    var findings: [Finding] = []
    var unreported = 0
    for number in lines {
        guard let text = context.parsed.line(number) else { continue }
        let length = jsLength(text)
        guard length > limit, !context.isLengthExempt(number, text) else { continue }
        guard findings.count < maxLineLengthFindings else {
            unreported += 1
            continue
        }
        findings.append(
            context.finding(
                id, configuration, "\(what) line is \(length) characters long, more than the allowed \(limit)",
                at: overflowSpan(line: text, number: number, limit: limit),
                help: "wrap the line at \(limit) characters"))
    }
    if unreported > 0, let last = findings.indices.last {
        let noun = unreported == 1 ? "line" : "lines"
        findings[last].message += "; …and \(groupedThousands(unreported)) more \(noun) longer than \(limit) characters"
    }
    return findings
}

/// A count with `,` between groups of three digits, e.g. `69,990`.
func groupedThousands(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return number < 0 ? "-" + result : result
}
