package import ShipshapeDiagnostics
package import ShipshapeHooks

/// Where a program's report goes: one standard stream, in one format, through that format's
/// reporter, coloured only when the stream is a terminal that wants colour.
package struct Output: Sendable {
    /// A standard stream.
    package enum Stream: Int32, Sendable {
        /// Standard output: commands run by hand or in CI.
        case standardOutput = 1
        /// Standard error: hooks, whose output git shows (or relays as `remote:` lines).
        case standardError = 2
    }

    /// The format.
    package let format: OutputFormat
    /// The stream written to.
    package let stream: Stream
    /// The format's reporter.
    package let reporter: any Reporter

    /// Creates the output of a program.
    ///
    /// - Parameters:
    ///   - format: the format asked for.
    ///   - stream: where to write.
    ///   - environment: decides about colour (`NO_COLOR`, `TERM=dumb`).
    ///   - verbose: text mentions ignored subjects.
    ///   - color: overrides the terminal check (the server's `shipshape.color`).
    package init(
        format: OutputFormat = .text, stream: Stream = .standardOutput, environment: [String: String], verbose: Bool = false,
        color: Bool? = nil
    ) {
        self.format = format
        self.stream = stream
        let colored = format == .text && (color ?? Console.useColor(fileDescriptor: stream.rawValue, environment: environment))
        self.reporter = format.reporter(color: colored, verbose: verbose)
    }

    /// Writes a whole document.
    package func emit(_ document: ReportDocument) { write(reporter.render(document)) }

    /// Writes a list of subjects rendered as they come, then the closing text.
    ///
    /// The subjects are dropped once rendered (a range of 100,000 commits is never held); the
    /// text is written at the end, so a run that fails half-way prints no half a document.
    ///
    /// - Parameters:
    ///   - produce: calls its argument once per subject, in order.
    ///   - closing: the closing text, once every subject is written.
    package func emitList<Failure: Error>(
        _ produce: (_ each: (SubjectReport) -> Void) throws(Failure) -> Void, closing: () -> String
    ) throws(Failure) {
        var buffer = reporter.listStart
        var first = true
        try produce { subject in
            buffer += reporter.listItem(subject, isFirst: first)
            first = false
        }
        write(buffer + reporter.listEnd(closing: closing()))
    }

    /// Writes text as it is (help, a diff, a table).
    package func write(_ text: String) {
        switch stream {
        case .standardOutput: Console.out(text)
        case .standardError: Console.err(text)
        }
    }
}

extension OutputFormat {
    /// Refuses a format the command cannot render, as a usage error (exit 2).
    ///
    /// - Parameters:
    ///   - supported: the formats the command renders.
    ///   - command: the command's name, for the message.
    /// - Throws: `HookError.usage` naming the formats it does render.
    package func require(_ supported: [OutputFormat], command: String) throws(HookError) {
        guard !supported.contains(self) else { return }
        let names = supported.map(\.rawValue)
        let choices = names.count == 2 ? names.joined(separator: " or ") : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        throw .usage("\(command) cannot give --format \(rawValue); use \(choices)")
    }
}
