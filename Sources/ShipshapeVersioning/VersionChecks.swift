package import ShipshapeDiagnostics
package import ShipshapeMessage

/// A commit as the bump and lint checks see it: short id, subject line and parsed message.
package struct CommitInfo: Sendable, Hashable {
    /// The abbreviated id, e.g. `1a2b3c4`.
    package var shortID: String
    /// The subject (first line).
    package var subject: String
    /// The Conventional Commits reading of the cleaned message.
    package var parsed: ParsedMessage

    /// Creates a commit value.
    package init(shortID: String, subject: String, parsed: ParsedMessage) {
        self.shortID = shortID
        self.subject = subject
        self.parsed = parsed
    }

    /// Parses a stored message (already cleaned by git) into a commit value.
    ///
    /// - Parameters:
    ///   - shortID: the abbreviated id.
    ///   - message: the commit message.
    package init(shortID: String, message: String) {
        let parsed = parseCommitMessage(message)
        self.init(shortID: shortID, subject: parsed.header ?? "", parsed: parsed)
    }

    /// `1a2b3c4 ("feat: add export")`, for messages.
    package var label: String { "\(shortID) (\"\(subject)\")" }
}

/// A release tag in a push: its name, the version it names, and whether it is annotated.
package struct ReleaseTag: Sendable, Hashable {
    /// The tag name without `refs/tags/`.
    package var name: String
    /// The version the name holds under the tag format.
    package var version: SemanticVersion
    /// Whether it is an annotated tag (a tag object).
    package var isAnnotated: Bool

    /// Creates a tag value.
    package init(name: String, version: SemanticVersion, isAnnotated: Bool) {
        self.name = name
        self.version = version
        self.isAnnotated = isAnnotated
    }
}

/// The pure version checks of the pre-push gate and `shipshape check`: values in, findings out.
///
/// Every finding names the file (with line), the commit or the tag concerned and says how to
/// fix it. Checks never throw; a check turned off in the settings returns nothing.
package enum VersionChecks {
    // MARK: 1. Agreement

    /// Check 1: all version sources at a commit hold the same version; configured sources that
    /// are missing or do not match are reported here too (rule `version-agreement`).
    ///
    /// The reference version is the one most sources hold (ties: the highest), so the message
    /// names the file(s) left behind.
    ///
    /// - Parameters:
    ///   - snapshot: the readings at the commit.
    ///   - commit: how to name the commit (`1a2b3c4 on refs/heads/main`).
    ///   - settings: whether the check runs.
    /// - Returns: one error per disagreeing file, one per unreadable configured source.
    package static func agreement(_ snapshot: VersionSnapshot, commit: String, settings: VersionSettings = VersionSettings()) -> [Finding] {
        guard settings.isEnabled(.agreement) else { return [] }
        var findings = snapshot.sourceErrors.map {
            Finding(rule: VersionCheck.agreement.rawValue, severity: .error, message: "at \(commit): \($0)")
        }
        let parsed = snapshot.readings.compactMap { reading in reading.version.map { (reading, $0) } }
        guard parsed.count > 1 else { return findings }
        var groups: [(version: SemanticVersion, readings: [VersionReading])] = []
        for (reading, version) in parsed {
            if let index = groups.firstIndex(where: { $0.version.isIdentical(to: version) }) {
                groups[index].readings.append(reading)
            } else {
                groups.append((version, [reading]))
            }
        }
        guard groups.count > 1 else { return findings }
        let reference = groups.max { a, b in
            a.readings.count != b.readings.count ? a.readings.count < b.readings.count : a.version < b.version
        }!
        let holders = reference.readings.map { "\($0.path):\($0.line)" }.joined(separator: ", ")
        for group in groups where !group.version.isIdentical(to: reference.version) {
            for reading in group.readings {
                findings.append(
                    Finding(
                        rule: VersionCheck.agreement.rawValue, severity: .error,
                        message: "at \(commit): \(reading.location) holds version \(reading.text), but \(holders) hold\(reference.readings.count == 1 ? "s" : "") \(reference.version)",
                        help: "set the version in \(reading.path) (line \(reading.line)) to \(reference.version), commit (git commit --amend, or a new commit) and push again",
                        location: FileLocation(path: reading.path, line: reading.line, column: reading.column)))
            }
        }
        return findings
    }

    // MARK: 2. Valid

    /// Check 2: every version is valid SemVer 2.0.0 (a leading `v` and PEP 440 spellings with a
    /// SemVer meaning are accepted).
    ///
    /// - Parameters:
    ///   - snapshot: the readings at the commit.
    ///   - commit: how to name the commit.
    ///   - settings: whether the check runs.
    /// - Returns: one error per invalid version, with the column of the offending character.
    package static func validity(_ snapshot: VersionSnapshot, commit: String, settings: VersionSettings = VersionSettings()) -> [Finding] {
        guard settings.isEnabled(.valid) else { return [] }
        var findings: [Finding] = []
        for reading in snapshot.readings {
            do {
                _ = try SemanticVersion.parseLenient(reading.text)
            } catch {
                guard case let .invalidVersion(_, column, problem) = error else { continue }
                findings.append(
                    Finding(
                        rule: VersionCheck.valid.rawValue, severity: .error,
                        message: "at \(commit): \(reading.path):\(reading.line):\(reading.column + column - 1): version \"\(reading.text)\" is not valid SemVer 2.0.0: \(problem)",
                        help: "write MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD] in \(reading.path), e.g. 1.2.0 or 1.2.0-rc.1",
                        location: FileLocation(path: reading.path, line: reading.line, column: reading.column + column - 1)))
            }
        }
        return findings
    }

    // MARK: 3. Tag matches

    /// Check 3: a pushed release tag is annotated (unless allowed), points at a commit whose
    /// version sources hold its version, and the changelog there has a `## [X.Y.Z]` section
    /// (for a pre-release tag only when `settings.prereleaseTagsAreReleases`).
    ///
    /// - Parameters:
    ///   - tag: the pushed tag.
    ///   - commit: how to name the tagged commit.
    ///   - snapshot: the version sources at the tagged commit.
    ///   - changelog: the release sections of the changelog at the tagged commit.
    ///   - settings: tag and changelog settings.
    /// - Returns: the findings (a missing changelog file is a warning).
    package static func tagMatches(
        _ tag: ReleaseTag, commit: String, snapshot: VersionSnapshot, changelog: ChangelogSections, settings: VersionSettings = VersionSettings()
    ) -> [Finding] {
        guard settings.isEnabled(.tagMatches) else { return [] }
        let rule = VersionCheck.tagMatches.rawValue
        var findings: [Finding] = []
        if !tag.isAnnotated && !settings.allowLightweightTags {
            findings.append(
                Finding(
                    rule: rule, severity: .error, message: "tag \(tag.name) is a lightweight tag; release tags must be annotated",
                    help: "replace it: git tag -d \(tag.name) && git tag -a \(tag.name) -m \"Release \(tag.version)\" \(commit.split(separator: " ").first.map(String.init) ?? "<commit>"), then push the tag again"))
        }
        if snapshot.isEmpty {
            findings.append(
                Finding(
                    rule: rule, severity: .warning, message: "tag \(tag.name) marks \(commit), which has no version file to compare with",
                    help: "add a VERSION file (or configure [versions] sources in .shipshape.toml)"))
        } else if let version = snapshot.agreedVersion, version != tag.version {
            let files = snapshot.readings.map { "\($0.path):\($0.line)" }.joined(separator: ", ")
            findings.append(
                Finding(
                    rule: rule, severity: .error,
                    message: "tag \(tag.name) names version \(tag.version), but at \(commit) the version is \(version) (\(files))",
                    help: "tag the commit that sets the version to \(tag.version) (git tag -d \(tag.name), then git tag -a \(tag.name) <commit>), or set the version files to \(tag.version) first",
                    location: snapshot.readings.first.map(\.fileLocation)))
        }
        // The changelog tooling ends a section at a pre-release tag only when configured to.
        if let path = settings.changelogPath, !tag.version.isPreRelease || settings.prereleaseTagsAreReleases {
            switch changelog {
            case let .sections(versions) where !versions.contains(where: { $0.isIdentical(to: tag.version) || $0 == tag.version }):
                findings.append(
                    Finding(
                        rule: rule, severity: .error,
                        message: "\(path) at \(commit) has no \"## [\(tag.version)]\" section for tag \(tag.name)",
                        help: "move the Unreleased entries under \"## [\(tag.version)] - YYYY-MM-DD\" in \(path), commit, and tag that commit",
                        location: FileLocation(path: path)))
            case .sections:
                break
            case let .unreadable(problem):
                findings.append(
                    Finding(
                        rule: rule, severity: .error, message: "\(path) at \(commit) cannot be read for tag \(tag.name): \(problem)",
                        help: "fix \(path) so that it has a \"## [\(tag.version)]\" section, commit, and tag that commit",
                        location: FileLocation(path: path)))
            case .missing:
                findings.append(
                    Finding(
                        rule: rule, severity: .warning, message: "\(path) does not exist at \(commit), so tag \(tag.name) has no changelog section",
                        help: "keep a \(path) with a \"## [\(tag.version)]\" section for each release"))
            }
        }
        return findings
    }

    /// Check 3 for a tag outside the tag format that looks like a release (`1.2.0`, `v2.0.0rc2`
    /// under `v{version}`): it is no release to Shipshape, so it is reported, naming the tag the
    /// format expects (a warning by default; `[versions] off-format-tags = "error"` refuses it).
    ///
    /// - Parameters:
    ///   - name: the tag's name without `refs/tags/`.
    ///   - commit: how to name the tagged commit.
    ///   - settings: the tag format and the level.
    /// - Returns: the finding, or nil for a tag that follows the format or names no version.
    package static func offFormatTag(_ name: String, commit: String, settings: VersionSettings = VersionSettings()) -> Finding? {
        guard settings.isEnabled(.tagMatches), let severity = settings.offFormatTagSeverity,
            let version = settings.tagFormat.offFormatVersion(ofTag: name)
        else { return nil }
        let expected = settings.tagFormat.tagName(for: version)
        return Finding(
            rule: VersionCheck.tagMatches.rawValue, severity: severity,
            message: "tag \(name) at \(commit) looks like release \(version) but does not follow the tag format \(settings.tagFormat), so it is not a release",
            help: "name it \(expected) instead: git tag -a \(expected) -m \"Release version \(version)\" \(name)^{} && git push origin \(expected); then delete \(name) (git tag -d \(name); git push origin :refs/tags/\(name))")
    }

    // MARK: 4. Branch matches

    /// Check 4: a pushed `release/vX.Y.Z` or `hotfix/vX.Y.Z` branch holds version X.Y.Z, or a
    /// pre-release of it, at its tip.
    ///
    /// - Parameters:
    ///   - branch: the short branch name.
    ///   - commit: how to name the tip.
    ///   - snapshot: the version sources at the tip.
    ///   - settings: the release branch prefixes.
    /// - Returns: an error when the version differs; nothing for other branches.
    package static func branchMatches(
        branch: String, commit: String, snapshot: VersionSnapshot, settings: VersionSettings = VersionSettings()
    ) -> [Finding] {
        guard settings.isEnabled(.branchMatches), let announced = settings.announcedVersion(ofBranch: branch) else { return [] }
        let rule = VersionCheck.branchMatches.rawValue
        if snapshot.isEmpty {
            return [
                Finding(
                    rule: rule, severity: .warning, message: "branch \(branch) announces version \(announced), but \(commit) has no version file",
                    help: "add a VERSION file holding \(announced)")
            ]
        }
        guard let version = snapshot.agreedVersion else { return [] }  // reported by checks 1 and 2
        if version.core == announced.core && (announced.isPreRelease ? version == announced : true) { return [] }
        let files = snapshot.readings.map { "\($0.path):\($0.line)" }.joined(separator: ", ")
        return [
            Finding(
                rule: rule, severity: .error,
                message: "branch \(branch) prepares version \(announced), but at \(commit) the version is \(version) (\(files))",
                help: "set the version files to \(announced) (or a pre-release such as \(announced.core)-rc.1) on \(branch), commit and push again",
                location: snapshot.readings.first.map(\.fileLocation))
        ]
    }

    // MARK: 5. Monotonic

    /// Check 5: a changed version goes up from the old one, is not already tagged, stays above
    /// every release the commit contains, and skips no version after the previous release
    /// (`1.1.0` → `1.3.0` is refused; `1.2.0-rc.1` → `1.2.0-rc.2` → `1.2.0` is fine). The
    /// previous release is the highest one below the version, wherever its tag is, so a release
    /// branch cut from `develop` (which never reaches `main`'s tags) is judged like any other.
    ///
    /// - Parameters:
    ///   - progress: the version and where it stands in the release history.
    ///   - commit: how to name the new commit.
    ///   - settings: whether the check runs.
    /// - Returns: one error for the first rule the version breaks.
    package static func monotonic(_ progress: VersionProgress, commit: String, settings: VersionSettings = VersionSettings()) -> [Finding] {
        guard settings.isEnabled(.monotonic) else { return [] }
        let rule = VersionCheck.monotonic.rawValue
        let new = progress.new
        func next(after version: SemanticVersion) -> String {
            let candidates = SemanticVersion.allowedSuccessorCores(of: version).filter { $0 > new || version >= new }
            return (candidates.first ?? version.bumped(.patch)).description
        }
        if let old = progress.old, new < old {
            return [Finding(
                rule: rule, severity: .error, message: "at \(commit): the version goes down from \(old) to \(new)",
                help: "versions only go up: set the version files to one after \(old) (\(SemanticVersion.allowedSuccessorCores(of: old).map(\.description).joined(separator: ", ")))")]
        }
        if let tagged = progress.alreadyTagged {
            return [Finding(
                rule: rule, severity: .error, message: "at \(commit): version \(new) is already released as tag \(tagged.label)",
                help: "set the version files to a version not yet released, e.g. \(next(after: tagged.version)), commit and push again")]
        }
        if let above = progress.containedAbove {
            return [Finding(
                rule: rule, severity: .error,
                message: "at \(commit): version \(new) is not greater than release \(above.label), which this commit already contains",
                help: "set the version files to a version after \(above.version), e.g. \(next(after: above.version))")]
        }
        if let pre = progress.higherPreRelease {
            return [Finding(
                rule: rule, severity: .error, message: "at \(commit): pre-release \(new) is not after \(pre.version), already tagged as \(pre.name)",
                help: "set the version files to the next pre-release, \(pre.version.bumpedPreRelease())")]
        }
        guard let base = progress.base, let baseLabel = progress.baseLabel else { return [] }
        if new.core != base.core && !SemanticVersion.allowedSuccessorCores(of: base).contains(new.core) {
            let allowed = progress.successors.isEmpty ? SemanticVersion.allowedSuccessorCores(of: base) : progress.successors
            let sameLevel = allowed.first { $0.bumpLevel(from: base) == new.core.bumpLevel(from: base) } ?? allowed[0]
            return [Finding(
                rule: rule, severity: .error,
                message: "at \(commit): version \(new) skips a version; after \(baseLabel) comes \(allowed.map(\.description).joined(separator: ", ")) (or a pre-release of one)",
                help: "set the version files to the next version, e.g. \(sameLevel)")]
        }
        return []
    }

    // MARK: 6. Bump level

    /// The bump the commits demand and the first commit that demands it.
    ///
    /// A breaking change (`!` or a `BREAKING CHANGE:` footer) demands major (the configured
    /// level while the base major is 0), a `feat` minor, any other commit patch.
    ///
    /// - Parameters:
    ///   - commits: the commits since the latest release.
    ///   - base: the latest release's version.
    ///   - settings: the 0.x rule.
    /// - Returns: the level and the commit, or `.none` and nil without commits.
    package static func requiredBump(
        commits: [CommitInfo], base: SemanticVersion, settings: VersionSettings = VersionSettings()
    ) -> (level: BumpLevel, commit: CommitInfo?) {
        var level = BumpLevel.none
        var culprit: CommitInfo?
        for commit in commits {
            let needed: BumpLevel
            if commit.parsed.isBreaking {
                needed = base.major == 0 ? settings.breakingChangeWhileZeroRequires : .major
            } else if commit.parsed.type?.lowercased() == "feat" {
                needed = .minor
            } else {
                needed = .patch
            }
            if needed > level {
                level = needed
                culprit = commit
            }
        }
        return (level, culprit)
    }

    /// Check 6: the version moves from the latest release at least as far as the commits since
    /// that release demand; the message names the commit that demands the level.
    ///
    /// - Parameters:
    ///   - base: the previous release (the highest final release below `new`, not in this push).
    ///   - new: the version at the pushed commit.
    ///   - commits: the commit's unreleased commits (reachable from no final release).
    ///   - commit: how to name the pushed commit.
    ///   - settings: the 0.x rule and whether the check runs.
    /// - Returns: an error when the bump is too small; nothing when the version equals the base.
    package static func bumpLevel(
        base: Release, new: SemanticVersion, commits: [CommitInfo], commit: String, settings: VersionSettings = VersionSettings()
    ) -> [Finding] {
        guard settings.isEnabled(.bumpLevel), new > base.version else { return [] }
        let actual = new.bumpLevel(from: base.version)
        let (required, culprit) = requiredBump(commits: commits, base: base.version, settings: settings)
        guard actual < required, let culprit else { return [] }
        let reason: String
        if culprit.parsed.isBreaking {
            reason = "is a breaking change"
        } else if culprit.parsed.type?.lowercased() == "feat" {
            reason = "adds a feature (feat)"
        } else {
            reason = "changes the release"
        }
        let target = base.version.bumped(required)
        return [
            Finding(
                rule: VersionCheck.bumpLevel.rawValue, severity: .error,
                message: "at \(commit): version \(base.version) (tag \(base.name)) → \(new) is \(actual), but commit \(culprit.label), in no release since \(base.name), \(reason), which needs \(required)",
                help: "set the version files to \(target) (or a pre-release of it, e.g. \(target)-rc.1), commit and push again")
        ]
    }

    // MARK: 7. Pushed commits

    /// Whether a message is a fixup/squash/amend or work-in-progress commit.
    ///
    /// - Parameter subject: the commit's subject line.
    /// - Returns: a short description of the kind, or nil for an ordinary commit.
    package static func temporaryCommitKind(_ subject: String) -> String? {
        for prefix in ["fixup!", "squash!", "amend!"] where subject.hasPrefix(prefix) { return "a \(prefix) commit" }
        let lower = subject.lowercased()
        if lower.hasPrefix("[wip]") || lower.hasPrefix("(wip)") { return "a work-in-progress (WIP) commit" }
        if lower.hasPrefix("wip") {
            guard let next = lower.dropFirst(3).first else { return "a work-in-progress (WIP) commit" }
            if !(next.isLetter || next.isNumber) { return "a work-in-progress (WIP) commit" }
        }
        return nil
    }

    /// Check 7, first part: fixup!/squash!/amend! and WIP commits must not reach a protected branch.
    ///
    /// - Parameters:
    ///   - branch: the short name of the branch pushed to.
    ///   - commits: the commits new to the remote.
    ///   - remoteBranch: how to name the remote side in the fix (`origin/main`).
    ///   - settings: the protected branches.
    /// - Returns: one error per temporary commit.
    package static func temporaryCommits(
        branch: String, commits: [CommitInfo], remoteBranch: String, settings: VersionSettings = VersionSettings()
    ) -> [Finding] {
        guard settings.isEnabled(.pushedCommitLint), settings.isProtected(branch: branch) else { return [] }
        return commits.compactMap { commit in
            guard let kind = temporaryCommitKind(commit.subject) else { return nil }
            return Finding(
                rule: VersionCheck.pushedCommitLint.rawValue, severity: .error,
                message: "commit \(commit.label) is \(kind) and must not reach the protected branch \(branch)",
                help: "squash it before pushing: git rebase -i --autosquash \(remoteBranch), then push again")
        }
    }

    /// Check 7, second part: a pushed commit that fails the commit-message rules, as one finding.
    ///
    /// - Parameters:
    ///   - commit: the commit.
    ///   - ruleFindings: the commit-message rules' findings for its message.
    ///   - settings: whether the check runs.
    /// - Returns: one error summarising the failing rules, or nil when none failed.
    package static func pushedCommit(_ commit: CommitInfo, ruleFindings: [Finding], settings: VersionSettings = VersionSettings()) -> Finding? {
        guard settings.isEnabled(.pushedCommitLint) else { return nil }
        let errors = ruleFindings.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let reasons = errors.map { "\($0.message) [\($0.rule)]" }.joined(separator: "; ")
        return Finding(
            rule: VersionCheck.pushedCommitLint.rawValue, severity: .error,
            message: "commit \(commit.label) breaks the commit-message rules: \(reasons)",
            help: "reword it: git rebase -i \(commit.shortID)~1 (mark the commit \"reword\"), then push again; shipshape lint --message '<new message>' checks a message first")
    }
}
