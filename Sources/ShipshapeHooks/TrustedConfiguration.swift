package import ShipshapeConfiguration
package import ShipshapeGit
import ShipshapeModel

/// The configuration a receiving repository judges a push by, which the push itself cannot
/// change (`pre-receive`, `shipshape verify`).
///
/// In order: the file named by `git config shipshape.config PATH` in the repository (relative
/// paths from the git directory, where git runs the server's hooks); else `.shipshape.toml` as
/// committed on the default branch as it was before the push (the branch HEAD points to — on
/// the server — or `refs/remotes/origin/HEAD` in a CI clone; when the push updates that branch,
/// its old value); else the defaults (an empty repository, or no such file there). Never the
/// pushed commits' own file: a push that turns a rule off is still judged by the rule.
package struct TrustedConfiguration {
    /// The settings.
    package var configuration: ShipshapeConfiguration
    /// Where they came from, for messages (`.shipshape.toml at refs/heads/main (1a2b3c4)`,
    /// `/etc/shipshape.toml`, or `the defaults`).
    package var source: String

    /// The default branch's short name (`main`), whether or not it exists yet; nil when no
    /// candidate names one.
    package var defaultBranch: String?

    /// The git configuration key naming a server-side configuration file.
    package static let configKey = "shipshape.config"

    init(configuration: ShipshapeConfiguration, source: String, defaultBranch: String? = nil) {
        self.configuration = configuration
        self.source = source
        self.defaultBranch = defaultBranch
    }

    /// Loads the trusted configuration.
    ///
    /// - Parameters:
    ///   - repository: the receiving repository.
    ///   - updates: the push's updates (to find the default branch's value before the push).
    ///   - defaultBranchRefs: refs naming the default branch (symbolic ones such as `HEAD` are
    ///     followed), the first that exists wins.
    ///   - explicitPath: a file given on the command line, which wins over everything.
    /// - Returns: the configuration and where it came from.
    /// - Throws: `HookError.trustedConfiguration` when the file is invalid, `.usage` when
    ///   `shipshape.config` names a missing file, `.git` when the repository cannot be read.
    package static func load(
        repository: Repository, updates: [PushedRef], defaultBranchRefs: [String], explicitPath: String? = nil
    ) throws(HookError) -> TrustedConfiguration {
        var trusted = try read(repository: repository, updates: updates, defaultBranchRefs: defaultBranchRefs, explicitPath: explicitPath)
        trusted.defaultBranch = try defaultBranchName(repository: repository, candidates: defaultBranchRefs)
        return trusted
    }

    private static func read(
        repository: Repository, updates: [PushedRef], defaultBranchRefs: [String], explicitPath: String?
    ) throws(HookError) -> TrustedConfiguration {
        var path = explicitPath
        if path == nil {
            do { path = try repository.configString(configKey) } catch { throw .git(error) }
            if let configured = path, !configured.hasPrefix("/") { path = FileSystem.join(repository.gitDirectory, configured) }
        }
        if let path {
            guard FileSystem.exists(path) else {
                throw .usage("the trusted configuration \(path) (\(explicitPath == nil ? "git config \(configKey)" : "--config")) does not exist; create it, or unset it (git config --unset \(configKey)) to use .shipshape.toml from the default branch")
            }
            do {
                return TrustedConfiguration(configuration: try ShipshapeConfiguration.load(path: path), source: path)
            } catch {
                throw .trustedConfiguration(error, source: path)
            }
        }
        guard let (branch, commit) = try defaultBranch(repository: repository, updates: updates, candidates: defaultBranchRefs) else {
            return TrustedConfiguration(configuration: ShipshapeConfiguration(), source: "the defaults (no default branch yet)")
        }
        let source = "\(ShipshapeConfiguration.fileName) at \(branch) (\(commit.short()))"
        let bytes: [UInt8]?
        do { bytes = try repository.blob(at: ShipshapeConfiguration.fileName, in: commit) } catch { throw .git(error) }
        guard let bytes else {
            return TrustedConfiguration(configuration: ShipshapeConfiguration(), source: "the defaults (no \(ShipshapeConfiguration.fileName) at \(branch) (\(commit.short())))")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .trustedConfiguration(
                .unreadable(file: ShipshapeConfiguration.fileName, reason: "the file is not valid UTF-8 (TOML files must be UTF-8)"), source: source)
        }
        do {
            return TrustedConfiguration(configuration: try ShipshapeConfiguration.parse(text: text), source: source)
        } catch {
            throw .trustedConfiguration(error, source: source)
        }
    }

    /// The default branch's name and its commit before the push, or nil when there is none.
    private static func defaultBranch(
        repository: Repository, updates: [PushedRef], candidates: [String]
    ) throws(HookError) -> (String, ObjectID)? {
        for candidate in candidates {
            // A symbolic ref names the branch; another ref is the branch (a detached HEAD is not).
            let symbolic: String?
            do { symbolic = try repository.symbolicTarget(of: candidate) } catch { throw .git(error) }
            guard let target = symbolic ?? (candidate == "HEAD" ? nil : candidate) else { continue }
            let short = shortBranchName(target)
            // The push's own update of that branch: the value before it (also right when git has
            // not moved the ref yet, as in pre-receive).
            if let update = updates.first(where: { $0.isBranch && $0.shortRemoteName == short }) {
                if update.isNewOnRemote { return nil }
                if let commit = try? repository.peeledCommit(update.remoteID).commit { return (target, commit) }
            }
            do {
                return (target, try repository.resolve(target))
            } catch where error.kind == .notFound || error.kind == .invalidInput {
                continue  // unborn
            } catch {
                throw .git(error)
            }
        }
        return nil
    }

    /// The short name of the first candidate that names a branch: a symbolic ref's target (also
    /// an unborn one, as in an empty server repository), or a ref that exists.
    private static func defaultBranchName(repository: Repository, candidates: [String]) throws(HookError) -> String? {
        for candidate in candidates {
            let symbolic: String?
            do { symbolic = try repository.symbolicTarget(of: candidate) } catch { throw .git(error) }
            if let symbolic { return shortBranchName(symbolic) }
            if candidate != "HEAD", (try? repository.resolve(candidate)) != nil { return shortBranchName(candidate) }
        }
        return nil
    }

    /// `refs/heads/main` and `refs/remotes/origin/main` → `main`.
    private static func shortBranchName(_ ref: String) -> String {
        if ref.hasPrefix("refs/heads/") { return String(ref.dropFirst("refs/heads/".count)) }
        if ref.hasPrefix("refs/remotes/"), let slash = ref.dropFirst("refs/remotes/".count).firstIndex(of: "/") {
            return String(ref[ref.index(after: slash)...])
        }
        return ref
    }
}
