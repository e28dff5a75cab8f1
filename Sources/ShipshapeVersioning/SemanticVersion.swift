/// One dot-separated pre-release identifier: numeric (compared as a number) or alphanumeric
/// (compared in ASCII order).
package enum PreReleaseIdentifier: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Digits only, without leading zeros.
    case numeric(UInt64)
    /// Letters, digits and hyphens, with at least one non-digit.
    case alphanumeric(String)

    package var description: String {
        switch self {
        case let .numeric(value): return String(value)
        case let .alphanumeric(text): return text
        }
    }

    /// SemVer §11.4: numeric identifiers compare numerically and have lower precedence than
    /// alphanumeric ones; alphanumeric identifiers compare in ASCII order.
    package static func < (lhs: PreReleaseIdentifier, rhs: PreReleaseIdentifier) -> Bool {
        switch (lhs, rhs) {
        case let (.numeric(a), .numeric(b)): return a < b
        case (.numeric, .alphanumeric): return true
        case (.alphanumeric, .numeric): return false
        case let (.alphanumeric(a), .alphanumeric(b)): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        }
    }
}

/// How much a version changes between two releases.
package enum BumpLevel: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Only pre-release or build identifiers change (or nothing).
    case none = 0
    /// PATCH goes up.
    case patch = 1
    /// MINOR goes up (PATCH resets).
    case minor = 2
    /// MAJOR goes up (MINOR and PATCH reset).
    case major = 3

    package var description: String {
        switch self {
        case .none: return "no bump"
        case .patch: return "a patch bump"
        case .minor: return "a minor bump"
        case .major: return "a major bump"
        }
    }

    package static func < (lhs: BumpLevel, rhs: BumpLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How a version was written in its source.
package enum VersionSpelling: Sendable, Hashable {
    /// SemVer 2.0.0 (possibly after a leading `v`).
    case semVer
    /// PEP 440 (`1.2.0rc1`, `1.2.0.dev3`), converted to its SemVer spelling.
    case pep440
}

/// A Semantic Versioning 2.0.0 version: `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`.
///
/// Ordering is SemVer precedence (§11): major, minor and patch numerically; a pre-release
/// version is lower than its release; pre-release identifiers compare one by one; a longer list
/// wins when all shared identifiers are equal. Build metadata is ignored by `<`, and also by
/// `==` and hashing, so that `==` agrees with the ordering; compare `build` (or `description`)
/// when the exact spelling matters.
package struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    package var major: UInt64
    /// The minor version.
    package var minor: UInt64
    /// The patch version.
    package var patch: UInt64
    /// The pre-release identifiers (empty for a release).
    package var preRelease: [PreReleaseIdentifier]
    /// The build metadata identifiers (ignored for precedence).
    package var build: [String]

    /// Creates a version from its parts.
    package init(major: UInt64, minor: UInt64, patch: UInt64, preRelease: [PreReleaseIdentifier] = [], build: [String] = []) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.preRelease = preRelease
        self.build = build
    }

    /// Whether this is a pre-release (has pre-release identifiers).
    package var isPreRelease: Bool { !preRelease.isEmpty }

    /// `MAJOR.MINOR.PATCH` without pre-release and build identifiers.
    package var core: SemanticVersion { SemanticVersion(major: major, minor: minor, patch: patch) }

    /// The canonical SemVer text.
    package var description: String {
        var text = "\(major).\(minor).\(patch)"
        if !preRelease.isEmpty { text += "-" + preRelease.map(\.description).joined(separator: ".") }
        if !build.isEmpty { text += "+" + build.joined(separator: ".") }
        return text
    }

    package static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        lhs.major == rhs.major && lhs.minor == rhs.minor && lhs.patch == rhs.patch && lhs.preRelease == rhs.preRelease
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(major)
        hasher.combine(minor)
        hasher.combine(patch)
        hasher.combine(preRelease)
    }

    /// Whether two versions are spelled the same once normalised, build metadata included.
    package func isIdentical(to other: SemanticVersion) -> Bool { self == other && build == other.build }

    package static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        if lhs.major != rhs.major { return lhs.major < rhs.major }
        if lhs.minor != rhs.minor { return lhs.minor < rhs.minor }
        if lhs.patch != rhs.patch { return lhs.patch < rhs.patch }
        switch (lhs.preRelease.isEmpty, rhs.preRelease.isEmpty) {
        case (true, true), (true, false): return false
        case (false, true): return true
        case (false, false): break
        }
        for (a, b) in zip(lhs.preRelease, rhs.preRelease) where a != b { return a < b }
        return lhs.preRelease.count < rhs.preRelease.count
    }

    // MARK: Bumps

    /// The next version at a level, as `npm version` computes it.
    ///
    /// A pre-release is first released at its own level: `1.2.0-rc.1` bumped by patch or minor
    /// gives `1.2.0`, `2.0.0-rc.1` bumped by major gives `2.0.0`. Build metadata is dropped.
    ///
    /// - Parameter level: `.major`, `.minor` or `.patch`; `.none` returns the version without
    ///   build metadata.
    /// - Returns: the bumped version.
    package func bumped(_ level: BumpLevel) -> SemanticVersion {
        switch level {
        case .none:
            return SemanticVersion(major: major, minor: minor, patch: patch, preRelease: preRelease)
        case .major:
            if isPreRelease && minor == 0 && patch == 0 { return core }
            return SemanticVersion(major: major &+ 1, minor: 0, patch: 0)
        case .minor:
            if isPreRelease && patch == 0 { return core }
            return SemanticVersion(major: major, minor: minor &+ 1, patch: 0)
        case .patch:
            if isPreRelease { return core }
            return SemanticVersion(major: major, minor: minor, patch: patch &+ 1)
        }
    }

    /// The next pre-release: the last numeric identifier goes up (`1.2.0-rc.1` → `1.2.0-rc.2`);
    /// a release becomes a pre-release of the next patch (`1.2.0` → `1.2.1-rc.0` with label `rc`).
    ///
    /// - Parameter label: the identifier to start with when the version is a release or its
    ///   label differs (`rc`, `beta`); nil keeps the current label or uses a bare number.
    /// - Returns: the bumped pre-release.
    package func bumpedPreRelease(label: String? = nil) -> SemanticVersion {
        let labelIdentifiers = label.map { [PreReleaseIdentifier.alphanumeric($0), .numeric(0)] } ?? [.numeric(0)]
        if !isPreRelease {
            return SemanticVersion(major: major, minor: minor, patch: patch &+ 1, preRelease: labelIdentifiers)
        }
        if let label, case let .alphanumeric(current)? = preRelease.first, current != label {
            return SemanticVersion(major: major, minor: minor, patch: patch, preRelease: labelIdentifiers)
        }
        var identifiers = preRelease
        if let index = identifiers.lastIndex(where: { if case .numeric = $0 { return true } else { return false } }),
            case let .numeric(value) = identifiers[index]
        {
            identifiers[index] = .numeric(value &+ 1)
        } else {
            identifiers.append(.numeric(0))
        }
        return SemanticVersion(major: major, minor: minor, patch: patch, preRelease: identifiers)
    }

    /// The level of the change from `base` to this version, by the first release part that grows.
    ///
    /// - Parameter base: the earlier version.
    /// - Returns: `.major`, `.minor` or `.patch` when that part differs (compared on the release
    ///   cores, so `1.1.0` → `1.2.0-rc.1` is `.minor`), `.none` when the cores are equal.
    package func bumpLevel(from base: SemanticVersion) -> BumpLevel {
        if major != base.major { return .major }
        if minor != base.minor { return .minor }
        if patch != base.patch { return .patch }
        return .none
    }

    /// The release cores that may directly follow `base` without skipping a version: its own core
    /// when `base` is a pre-release, and the next patch, minor and major release.
    ///
    /// - Parameter base: the version released (or declared) before.
    /// - Returns: the allowed cores, lowest first.
    package static func allowedSuccessorCores(of base: SemanticVersion) -> [SemanticVersion] {
        var result: [SemanticVersion] = []
        if base.isPreRelease { result.append(base.core) }
        let core = base.core
        result.append(SemanticVersion(major: core.major, minor: core.minor, patch: core.patch &+ 1))
        result.append(SemanticVersion(major: core.major, minor: core.minor &+ 1, patch: 0))
        result.append(SemanticVersion(major: core.major &+ 1, minor: 0, patch: 0))
        return result
    }
}
