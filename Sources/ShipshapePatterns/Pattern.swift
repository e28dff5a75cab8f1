import CPCRE2

/// A failure to compile or run a PCRE2 pattern.
///
/// Every case carries the pattern's source so that a message can say which configured pattern
/// failed; `description` says what went wrong and how to fix it.
package enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern does not compile; `offset` is the 0-based byte offset PCRE2 reported.
    case invalid(pattern: String, offset: Int, reason: String)
    /// Matching gave up because the pattern backtracks too much (match or depth limit).
    case limitExceeded(pattern: String, reason: String)
    /// PCRE2 reported another matching error.
    case matchFailed(pattern: String, reason: String)
    /// The pattern lacks a named group that the caller requires.
    case missingGroup(pattern: String, group: String)

    package var description: String {
        switch self {
        case let .invalid(pattern, offset, reason):
            return "invalid pattern \(quoted(pattern)) at offset \(offset): \(reason); fix the regular expression (PCRE2 syntax)"
        case let .limitExceeded(pattern, reason):
            return "pattern \(quoted(pattern)) backtracks too much (\(reason)); rewrite it without nested quantifiers such as (a+)+"
        case let .matchFailed(pattern, reason):
            return "pattern \(quoted(pattern)) could not be matched: \(reason)"
        case let .missingGroup(pattern, group):
            return "pattern \(quoted(pattern)) has no named group \"\(group)\"; add (?<\(group)>...) around the part to capture"
        }
    }
}

private func quoted(_ s: String) -> String { "\"" + s + "\"" }

/// The text of a PCRE2 error code.
private func pcre2Message(_ code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBufferPointer {
        pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
    }
    guard count > 0 else { return "PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(count)], as: UTF8.self)
}

/// One successful match: the overall range and the captured groups, as byte offsets into the
/// UTF-8 subject.
package struct PatternMatch: Sendable, Equatable {
    /// Byte range of the whole match in the subject's UTF-8.
    package let range: Range<Int>
    /// Byte ranges of the numbered groups (index 0 is the whole match); nil where a group did not take part.
    package let groups: [Range<Int>?]
    /// The subject's UTF-8 bytes, kept to extract captured text.
    private let subject: [UInt8]
    /// Group numbers by name.
    private let names: [String: Int]

    init(range: Range<Int>, groups: [Range<Int>?], subject: [UInt8], names: [String: Int]) {
        self.range = range
        self.groups = groups
        self.subject = subject
        self.names = names
    }

    /// The text of the whole match.
    package var text: String { String(decoding: subject[range], as: UTF8.self) }

    /// The text captured by the numbered group, or nil if it did not take part.
    package func group(_ number: Int) -> String? {
        guard number < groups.count, let r = groups[number] else { return nil }
        return String(decoding: subject[r], as: UTF8.self)
    }

    /// The text captured by the named group, or nil if there is no such group or it did not take part.
    package func group(named name: String) -> String? {
        guard let number = names[name] else { return nil }
        return group(number)
    }

    /// The byte range captured by the named group.
    package func range(named name: String) -> Range<Int>? {
        guard let number = names[name], number < groups.count else { return nil }
        return groups[number]
    }
}

/// A PCRE2 pattern compiled once, with limits that turn catastrophic backtracking into an error.
///
/// Patterns are compiled in UTF mode with Unicode properties (`\w` stays ASCII unless the pattern
/// asks for `(*UCP)`), JIT-compiled where the library supports it, and matched with a match limit
/// and a depth limit so a pathological pattern from configuration fails fast instead of hanging
/// a hook. Instances are immutable and safe to share; each match uses its own match data.
package final class Pattern: @unchecked Sendable, CustomStringConvertible {
    /// The pattern as written.
    package let source: String
    /// Named groups and their numbers.
    package let groupNames: [String: Int]
    /// Number of capturing groups.
    package let groupCount: Int
    private let code: OpaquePointer
    private let matchContext: OpaquePointer?
    private let jit: Bool

    /// Default limit on internal match calls (backtracking steps).
    package static let defaultMatchLimit: UInt32 = 1_000_000
    /// Default limit on backtracking depth, in KiB of heap memory.
    package static let defaultDepthLimit: UInt32 = 10_000

    /// Compiles a pattern.
    ///
    /// - Parameters:
    ///   - source: PCRE2 syntax.
    ///   - caseInsensitive: match without regard to case.
    ///   - anchored: the match must start at the beginning of the subject.
    ///   - matchLimit: the match-call limit; exceeding it raises `PatternError.limitExceeded`.
    ///   - depthLimit: the backtracking depth limit (KiB).
    /// - Throws: `PatternError.invalid` with PCRE2's message and offset.
    package init(
        _ source: String, caseInsensitive: Bool = false, multiline: Bool = false,
        matchLimit: UInt32 = Pattern.defaultMatchLimit, depthLimit: UInt32 = Pattern.defaultDepthLimit
    ) throws(PatternError) {
        self.source = source
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buf in
            pcre2_compile_8(buf.baseAddress, buf.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw .invalid(pattern: source, offset: errorOffset, reason: pcre2Message(errorCode))
        }
        code = compiled
        jit = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        let context = pcre2_match_context_create_8(nil)
        if let context {
            pcre2_set_match_limit_8(context, matchLimit)
            pcre2_set_depth_limit_8(context, depthLimit)
        }
        matchContext = context

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        groupCount = Int(count)
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafeMutablePointer<UInt8>? = nil
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_NAMETABLE), &table)
        var names: [String: Int] = [:]
        if let table, nameCount > 0 {
            for i in 0..<Int(nameCount) {
                let entry = table + i * Int(entrySize)
                let number = Int(entry[0]) << 8 | Int(entry[1])
                let nameStart = entry + 2
                var length = 0
                while length < Int(entrySize) - 2 && nameStart[length] != 0 { length += 1 }
                names[String(decoding: UnsafeBufferPointer(start: nameStart, count: length), as: UTF8.self)] = number
            }
        }
        groupNames = names
    }

    deinit {
        if let matchContext { pcre2_match_context_free_8(matchContext) }
        pcre2_code_free_8(code)
    }

    package var description: String { source }

    /// Requires a named group, for patterns whose captured text the caller needs.
    ///
    /// - Throws: `PatternError.missingGroup` if the pattern has no group of that name.
    package func requireGroup(_ name: String) throws(PatternError) {
        if groupNames[name] == nil { throw .missingGroup(pattern: source, group: name) }
    }

    /// Whether the pattern matches anywhere in the subject.
    ///
    /// - Throws: `PatternError.limitExceeded` when the match or depth limit is reached.
    package func matches(_ subject: String) throws(PatternError) -> Bool {
        try firstMatch(in: subject) != nil
    }

    /// Whether the pattern matches the whole subject.
    package func matchesWhole(_ subject: String) throws(PatternError) -> Bool {
        try !allMatches(in: subject, options: UInt32(PCRE2_ANCHORED) | UInt32(PCRE2_ENDANCHORED), limit: 1).isEmpty
    }

    /// The first match in the subject, or nil.
    ///
    /// - Parameters:
    ///   - subject: the text to search.
    ///   - anchored: the match must start at the first byte.
    /// - Throws: `PatternError.limitExceeded` when backtracking hits the limits,
    ///   `PatternError.matchFailed` for other PCRE2 errors.
    package func firstMatch(in subject: String, anchored: Bool = false) throws(PatternError) -> PatternMatch? {
        try allMatches(in: subject, options: anchored ? UInt32(PCRE2_ANCHORED) : 0, limit: 1).first
    }

    /// Every non-overlapping match in the subject, in order.
    package func allMatches(in subject: String) throws(PatternError) -> [PatternMatch] {
        try allMatches(in: subject, options: 0, limit: Int.max)
    }

    private func allMatches(in subject: String, options: UInt32, limit: Int) throws(PatternError) -> [PatternMatch] {
        let bytes = Array(subject.utf8)
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw .matchFailed(pattern: source, reason: "out of memory")
        }
        defer { pcre2_match_data_free_8(data) }
        var results: [PatternMatch] = []
        var start = 0
        while results.count < limit && start <= bytes.count {
            let rc: Int32 = bytes.withUnsafeBufferPointer { buf in
                // An empty array has no base address; PCRE2 accepts any non-null pointer for length 0.
                let base = buf.baseAddress ?? UnsafePointer<UInt8>(bitPattern: 1)!
                return pcre2_match_8(code, base, buf.count, start, options, data, matchContext)
            }
            if rc == PCRE2_ERROR_NOMATCH { break }
            if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT
                || rc == PCRE2_ERROR_JIT_STACKLIMIT
            {
                throw .limitExceeded(pattern: source, reason: pcre2Message(rc))
            }
            if rc < 0 { throw .matchFailed(pattern: source, reason: pcre2Message(rc)) }
            let ovector = pcre2_get_ovector_pointer_8(data)!
            let unset = shipshape_pcre2_unset()
            var groups: [Range<Int>?] = []
            groups.reserveCapacity(groupCount + 1)
            for i in 0...groupCount {
                let lo = ovector[2 * i], hi = ovector[2 * i + 1]
                if i >= Int(rc) || lo == unset { groups.append(nil) } else { groups.append(Int(lo)..<Int(hi)) }
            }
            let whole = groups[0]!
            results.append(PatternMatch(range: whole, groups: groups, subject: bytes, names: groupNames))
            if options & UInt32(PCRE2_ANCHORED) != 0 { break }
            // Advance past an empty match by one code point so the loop always progresses.
            if whole.isEmpty {
                var next = whole.upperBound + 1
                while next < bytes.count && bytes[next] & 0xC0 == 0x80 { next += 1 }
                start = next
            } else {
                start = whole.upperBound
            }
        }
        return results
    }
}
