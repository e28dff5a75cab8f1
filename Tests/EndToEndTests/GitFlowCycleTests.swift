import Foundation
import Testing
import ShipshapeTestSupport

/// The release process's own branch model, end to end with the hooks installed and a bare
/// remote: 1.0.0 → features on develop → release/v1.1.0 (rolled by hand) → main + tag → back to
/// develop → release/v1.2.0 pushed before develop → hotfix/v1.2.1 from main into both → a
/// pre-release v2.0.0-rc.1 → v2.0.0, with the changelog, the version checks and the working tree
/// asserted after every step, and two developers pulling each other's synced changelogs.
@Suite(.serialized) struct GitFlowCycleTests {
    let bin = productsDirectory()

    /// One clone of the team's repository with Shipshape installed.
    struct Clone {
        let sandbox: GitSandbox
        let directory: String
        let bin: String

        @discardableResult
        func git(_ arguments: String...) throws -> ProcessResult {
            try sandbox.gitOK(arguments: Array(arguments), in: directory)
        }

        func tryGit(_ arguments: String...) throws -> ProcessResult {
            try sandbox.git(arguments: Array(arguments), in: directory)
        }

        func run(_ program: String, _ arguments: [String]) throws -> ProcessResult {
            try sandbox.run(bin + "/" + program, arguments, in: directory)
        }

        func read(_ path: String) throws -> String { try String(contentsOfFile: directory + "/" + path, encoding: .utf8) }

        func write(_ path: String, _ text: String) throws {
            try text.write(toFile: directory + "/" + path, atomically: false, encoding: .utf8)
        }

        /// A commit made as a person makes it: `git commit`, so commit-msg judges it.
        @discardableResult
        func commit(_ message: String, file: String = "work.txt") throws -> String {
            let previous = (try? read(file)) ?? ""
            try write(file, previous + message + "\n")
            try git("add", "-A")
            try git("commit", "-q", "-m", message)
            return try git("rev-parse", "HEAD").trimmedStdout
        }

        func setVersion(_ version: String) throws { try write("VERSION", version + "\n") }

        /// Inserts a release heading directly under `## [Unreleased]`: the natural hand roll.
        func roll(_ version: String, date: String = "2026-12-01") throws {
            let text = try read("CHANGELOG.md")
            try write("CHANGELOG.md", text.replacingOccurrences(of: "## [Unreleased]\n", with: "## [Unreleased]\n\n## [\(version)] - \(date)\n", options: [], range: text.range(of: "## [Unreleased]\n")))
        }

        func branchMerge(_ branch: String, into target: String) throws {
            try git("checkout", "-q", target)
            try git("merge", "-q", "--no-ff", "--no-edit", branch)
        }

        /// Commits the synced changelog when post-merge changed it.
        func commitSync() throws {
            if try !git("status", "--porcelain", "CHANGELOG.md").trimmedStdout.isEmpty {
                try git("commit", "-q", "-m", "docs(changelog): sync", "CHANGELOG.md")
            }
        }

        func push(_ refs: String...) throws -> ProcessResult { try sandbox.git(arguments: ["push", "-q", "origin"] + refs, in: directory) }

        func status() throws -> String { try git("status", "--porcelain").trimmedStdout }

        func unreleased() throws -> String {
            let text = try read("CHANGELOG.md")
            guard let start = text.range(of: "## [Unreleased]") else { return "" }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
            return String(rest[..<end])
        }

        func count(_ needle: String, in path: String = "CHANGELOG.md") throws -> Int {
            try read(path).components(separatedBy: needle).count - 1
        }
    }

    /// How an entry names its commit: `(1a2b3c4)` (the marker holds full ids).
    func entry(_ id: String) -> String { "(\(id.prefix(7)))" }

    /// After every step: the working tree is clean, the changelog is up to date and `shipshape
    /// check` agrees on the commit.
    func expectSettled(_ clone: Clone, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try clone.status() == "", "\(step): working tree not clean", sourceLocation: sourceLocation)
        let check = try clone.run("changelog-sync", ["--check"])
        #expect(check.status == 0, "\(step): \(check)", sourceLocation: sourceLocation)
        let versions = try clone.run("shipshape", ["check"])
        #expect(versions.status == 0, "\(step): \(versions)", sourceLocation: sourceLocation)
        #expect(try clone.count("<!-- shipshape-changelog") == 1, "\(step): one marker", sourceLocation: sourceLocation)
    }

    func expectAccepted(_ result: ProcessResult, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 0, "\(step): push refused: \(result)", sourceLocation: sourceLocation)
    }

    /// The team's repository at 1.0.0 on main and develop, pushed, Shipshape installed.
    func team() throws -> Clone {
        let sandbox = try GitSandbox()
        let clone = Clone(sandbox: sandbox, directory: sandbox.root, bin: bin)
        try clone.setVersion("1.0.0")
        try clone.write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-01\n\n### Added\n\n- the first release\n")
        try clone.git("add", "-A")
        try clone.git("commit", "-q", "-m", "chore: start at 1.0.0")
        try clone.git("tag", "-a", "v1.0.0", "-m", "Release version 1.0.0")
        try sandbox.makeBareRemote()
        #expect(try clone.run("shipshape", ["install"]).status == 0)
        expectAccepted(try clone.push("main", "v1.0.0"), "initial push")
        try clone.git("checkout", "-q", "-b", "develop")
        expectAccepted(try clone.push("develop"), "develop")
        return clone
    }

    /// A feature branch merged into develop with post-merge syncing, committed, pushed.
    @discardableResult
    func feature(_ clone: Clone, _ name: String, _ message: String) throws -> String {
        try clone.git("checkout", "-q", "-b", "feature/\(name)", "develop")
        let id = try clone.commit(message, file: "\(name).txt")
        try clone.branchMerge("feature/\(name)", into: "develop")
        #expect(try clone.unreleased().contains(entry(id)), "post-merge listed \(message)")
        try clone.commitSync()
        try clone.git("branch", "-q", "-d", "feature/\(name)")
        return id
    }

    /// `release/vX` finished: merged into main, tagged there, merged back into develop.
    func finish(_ clone: Clone, _ branch: String, version: String) throws {
        try clone.branchMerge(branch, into: "main")
        try expectSettled(clone, "\(branch) merged into main")
        try clone.git("tag", "-a", "v\(version)", "-m", "Release version \(version)")
        try expectSettled(clone, "v\(version) tagged on main")
        expectAccepted(try clone.push("main", "v\(version)"), "main and v\(version)")
        try clone.branchMerge(branch, into: "develop")
        try clone.commitSync()
        try expectSettled(clone, "\(branch) merged back into develop")
        expectAccepted(try clone.push("develop"), "develop after \(branch)")
        try clone.git("branch", "-q", "-d", branch)
    }

    @Test func theWholeCycleIsAcceptedAndTheChangelogHolds() throws {
        let clone = try team()
        let export = try feature(clone, "export", "feat: export to CSV")
        try expectSettled(clone, "feature merged into develop")
        expectAccepted(try clone.push("develop"), "develop with export")

        // Merging develop into a feature branch leaves the feature branch's changelog alone.
        try clone.git("checkout", "-q", "-b", "feature/side", "develop~1")
        try clone.commit("feat: side work", file: "side.txt")
        try clone.git("merge", "-q", "--no-edit", "develop")
        #expect(try clone.status() == "", "post-merge rewrote the changelog on a feature branch")

        // release/v1.1.0, rolled by hand directly under Unreleased (above the marker).
        try clone.git("checkout", "-q", "-b", "release/v1.1.0", "develop")
        try clone.setVersion("1.1.0")
        try clone.roll("1.1.0")
        try clone.git("commit", "-q", "-am", "chore: bump version to 1.1.0")
        try expectSettled(clone, "release/v1.1.0 rolled")
        #expect(try clone.count(entry(export)) == 1)
        #expect(try !clone.unreleased().contains(entry(export)))
        expectAccepted(try clone.push("release/v1.1.0"), "release/v1.1.0")

        // A feature lands on develop while the release stabilises.
        let importing = try feature(clone, "import", "feat: import from JSON")
        try finish(clone, "release/v1.1.0", version: "1.1.0")
        var unreleased = try clone.unreleased()
        #expect(unreleased.contains(entry(importing)), "\(unreleased)")
        #expect(!unreleased.contains(entry(export)), "released commit under Unreleased: \(unreleased)")
        #expect(try clone.count(entry(export)) == 1)

        // release/v1.2.0 pushed before develop's merge-back would be: judged against v1.1.0.
        try clone.git("checkout", "-q", "-b", "release/v1.2.0", "develop")
        try clone.setVersion("1.2.0")
        try clone.roll("1.2.0")
        try clone.git("commit", "-q", "-am", "chore: bump version to 1.2.0")
        try expectSettled(clone, "release/v1.2.0 rolled")
        let skipping = try clone.tryGit("push", "--dry-run", "origin", "release/v1.2.0:refs/heads/release/v1.3.0")
        #expect(skipping.status == 1, "\(skipping)")
        expectAccepted(try clone.push("release/v1.2.0"), "release/v1.2.0")
        try finish(clone, "release/v1.2.0", version: "1.2.0")

        // A breaking change on develop meanwhile.
        let breaking = try feature(clone, "drop-legacy", "feat!: drop the legacy API")
        expectAccepted(try clone.push("develop"), "develop with the breaking change")

        // hotfix/v1.2.1 from main, merged into both.
        try clone.git("checkout", "-q", "-b", "hotfix/v1.2.1", "main")
        let fix = try clone.commit("fix: critical security vulnerability", file: "fix.txt")
        #expect(try clone.run("changelog-sync", []).status == 0)
        try clone.setVersion("1.2.1")
        try clone.roll("1.2.1")
        try clone.git("commit", "-q", "-am", "chore: bump version to 1.2.1")
        try expectSettled(clone, "hotfix rolled")
        expectAccepted(try clone.push("hotfix/v1.2.1"), "hotfix/v1.2.1")
        try finish(clone, "hotfix/v1.2.1", version: "1.2.1")
        unreleased = try clone.unreleased()
        #expect(!unreleased.contains(entry(fix)), "hotfix listed under Unreleased on develop: \(unreleased)")
        #expect(unreleased.contains(entry(breaking)))
        #expect(try clone.count("## [1.2.1]") == 1)
        #expect(try clone.count(entry(fix)) == 1)

        // A minor bump over the breaking change is refused, naming v1.2.1 in both checks.
        try clone.git("checkout", "-q", "-b", "release/v1.3.0", "develop")
        try clone.setVersion("1.3.0")
        try clone.git("commit", "-q", "-am", "chore: bump version to 1.3.0")
        let minor = try clone.tryGit("push", "--dry-run", "origin", "release/v1.3.0")
        #expect(minor.status == 1, "\(minor)")
        #expect(minor.stderr.contains("[bump-level]") && minor.stderr.contains("v1.2.1"), "\(minor.stderr)")
        #expect(!minor.stderr.contains("v1.0.0") && !minor.stderr.contains("v1.1.0"), "\(minor.stderr)")
        try clone.git("checkout", "-q", "develop")
        try clone.git("branch", "-q", "-D", "release/v1.3.0")

        // The pre-release, then the final release.
        try clone.git("checkout", "-q", "-b", "release/v2.0.0", "develop")
        try clone.setVersion("2.0.0-rc.1")
        try clone.git("commit", "-q", "-am", "chore: bump version to 2.0.0-rc.1")
        try clone.git("tag", "-a", "v2.0.0-rc.1", "-m", "Release version 2.0.0-rc.1")
        try expectSettled(clone, "rc tagged")
        expectAccepted(try clone.push("release/v2.0.0", "v2.0.0-rc.1"), "release/v2.0.0 and the rc")
        try clone.setVersion("2.0.0")
        try clone.roll("2.0.0")
        try clone.git("commit", "-q", "-am", "chore: bump version to 2.0.0")
        try expectSettled(clone, "2.0.0 rolled")
        expectAccepted(try clone.push("release/v2.0.0"), "release/v2.0.0 final")
        try finish(clone, "release/v2.0.0", version: "2.0.0")

        // A full rebuild on develop brings no released commit back.
        let before = try clone.read("CHANGELOG.md")
        let full = try clone.run("changelog-sync", ["--full"])
        #expect(full.status == 0, "\(full)")
        let after = try clone.read("CHANGELOG.md")
        #expect(after == before, "--full changed the file: \(after)")
        for id in [export, importing, fix, breaking] {
            #expect(try !clone.unreleased().contains(entry(id)))
            #expect(try clone.count(entry(id)) == 1)
        }
        try clone.git("checkout", "-q", "main")
        try expectSettled(clone, "main at the end")
    }

    @Test func twoDevelopersPullEachOthersSyncedChangelogsWithoutConflict() throws {
        let first = try team()
        let other = first.sandbox.temporaryDirectory + "/other"
        try first.sandbox.gitOK(arguments: ["clone", "-q", "-b", "develop", first.sandbox.temporaryDirectory + "/remotes/origin.git", other], in: first.sandbox.temporaryDirectory)
        let second = Clone(sandbox: first.sandbox, directory: other, bin: bin)
        #expect(try second.run("shipshape", ["install"]).status == 0)
        try first.git("branch", "-q", "-u", "origin/develop")

        let a = try feature(first, "alpha", "feat: alpha")
        let b = try feature(second, "beta", "feat: beta")
        expectAccepted(try first.push("develop"), "first developer")
        let pull = try second.tryGit("pull", "-q", "--no-rebase", "--no-edit", "origin", "develop")
        #expect(pull.status == 0, "\(pull)")
        #expect(!(pull.stdout + pull.stderr).contains("CONFLICT"), "\(pull)")
        // The merge driver merged the two files by entry; the marker records both sides.
        let marker = try second.read("CHANGELOG.md").split(separator: "\n").first { $0.hasPrefix("<!-- shipshape-changelog") } ?? ""
        #expect(marker.split(separator: " ").count == 5, "\(marker)")
        try second.commitSync()
        try expectSettled(second, "second after pulling")
        for id in [a, b] { #expect(try second.count(entry(id)) == 1) }
        expectAccepted(try second.push("develop"), "second developer")
        let back = try first.tryGit("pull", "-q", "--no-rebase", "--no-edit")
        #expect(back.status == 0, "\(back)")
        try expectSettled(first, "first after pulling")
        for id in [a, b] { #expect(try first.count(entry(id)) == 1) }
    }
}
