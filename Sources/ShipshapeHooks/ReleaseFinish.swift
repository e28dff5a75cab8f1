import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeGit
import ShipshapeModel
import ShipshapeVersioning

/// What `release finish` and `hotfix finish` are asked to do.
package struct FinishRequest: Sendable, Hashable {
    /// `.release` or `.hotfix`.
    package var kind: ReleaseKind
    /// Push `main`, the integration branch and the tag, and delete the remote branch.
    package var push: Bool = false
    /// Show everything, change nothing.
    package var dryRun: Bool = false

    /// Creates a request.
    package init(kind: ReleaseKind) { self.kind = kind }
}

/// `shipshape release finish` and `hotfix finish`: the branch's fixes into its changelog section,
/// a `--no-ff` merge into `main`, the annotated tag on that merge, the merge back into
/// `develop`, the branch deleted; with `--push`, everything published. Ends on `develop`.
///
/// Each step is undone when it fails, except past the tag: then `main` and the tag stay, the
/// message says what to do, and running the command again continues where it stopped.
package enum ReleaseFinish {
    /// One step: git's arguments, and how to undo it or say where things stand when it fails.
    struct Step {
        var arguments: [String]
        var onFailure: (ReleaseWorkspace) -> String
    }

    /// Runs the command.
    ///
    /// - Throws: `ReleaseError`.
    package static func run(_ request: FinishRequest, directory: String, invocation: Invocation) throws(ReleaseError) -> ReleaseOutcome {
        let ws = try ReleaseWorkspace(directory: directory, invocation: invocation)
        try ws.requireCleanWorkTree()
        let prefix = request.kind == .hotfix ? ws.release.hotfixPrefix : ws.release.releasePrefix
        guard let branch = ws.branch, branch.hasPrefix(prefix) else {
            throw .wrongBranch(command: "shipshape \(request.kind.rawValue) finish", expected: "\(prefix)vX.Y.Z", actual: ws.branch)
        }
        let version = try ws.agreedVersion(try ws.snapshot(), force: false)
        if version.isPreRelease { throw .preReleaseFinish(version: version, branch: branch) }
        let tag = ws.settings.tagFormat.tagName(for: version)
        let (main, base) = (ws.release.main, ws.release.base)
        let released = try isReleased(tag: tag, branch: branch, main: main, ws: ws)

        var changes: [FileChange] = []
        var steps: [Step] = []
        if !released {
            if let changelog = try absorbedChangelog(ws, version: version) {
                changes.append(changelog)
                steps.append(Step(arguments: ["commit", "-q", "-m", "docs(changelog): list the changes of \(version) in its section", "--", changelog.path]) { ws in
                    ws.restore(changes)
                    _ = try? ws.git.run(["reset", "-q", "--", changelog.path])
                    return "nothing changed: \(changelog.path) is as before"
                })
            }
            steps += mainSteps(branch: branch, main: main, tag: tag, version: version, ws: ws)
        }
        // A finish that stopped at the merge-back and was completed by hand: only the rest is left.
        var mergedBack = false
        if released, let tip = ws.resolve(branch), let baseTip = ws.resolve(base) {
            mergedBack = (try? ws.repository.isAncestor(tip, of: baseTip)) == true
        }
        steps.append(Step(arguments: ["checkout", "-q", base]) { _ in "\(main) and \(tag) are done; git checkout \(base), then run the command again from \(branch)" })
        if !mergedBack {
            steps.append(Step(arguments: ["merge", "-q", "--no-ff", "--no-edit", branch]) { ws in
                _ = try? ws.git.run(["merge", "--abort"])
                _ = try? ws.git.run(["checkout", "-q", branch])
                return "\(main) and \(tag) are done, but merging \(branch) back into \(base) conflicts; git checkout \(base) && git merge --no-ff \(branch), resolve and commit, then run shipshape \(request.kind.rawValue) finish again on \(branch) to delete it\(request.push ? " and push" : "")"
            })
        }
        if request.push { steps += pushSteps(branch: branch, main: main, base: base, tag: tag, ws: ws) }
        // -D: the branch is merged into both (git's -d would also ask for its upstream, which
        // lacks the fixes made since it was pushed).
        steps.append(Step(arguments: ["branch", "-q", "-D", branch]) { _ in "everything is merged; delete the branch yourself: git branch -D \(branch)" })

        var lines = ["finishing \(branch): version \(version), tag \(tag)\(released ? " (already on \(main): continuing)" : "")"]
        if request.dryRun {
            lines += ReleasePlanText.render(changes: changes, steps: steps.map(\.arguments))
            lines.append("dry run: nothing changed")
            return ReleaseOutcome(lines: lines, version: version.description)
        }
        try ws.write(changes)
        for step in steps {
            let status = try ws.run(step.arguments)
            if status != 0 {
                throw .stepFailed(step: "git " + step.arguments.filter { $0 != "-q" }.prefix(2).joined(separator: " "), status: status, state: step.onFailure(ws))
            }
        }
        lines.append("merged \(branch) into \(main), tagged \(tag), merged it back into \(base) and deleted it\(request.push ? "; pushed" : "")")
        if !request.push { lines.append("next: git push \(ws.release.remote) \(main) \(base) \(tag)") }
        return ReleaseOutcome(lines: lines, version: version.description)
    }

    /// Whether the tag exists already on `main`'s merge of this branch (a finish stopped after the
    /// tag); a tag elsewhere is a refusal.
    private static func isReleased(tag: String, branch: String, main: String, ws: ReleaseWorkspace) throws(ReleaseError) -> Bool {
        guard let tagged = ws.resolve("refs/tags/" + tag) else { return false }
        if let tip = ws.resolve(branch), let mainTip = ws.resolve(main),
            (try? ws.repository.isAncestor(tip, of: tagged)) == true, (try? ws.repository.isAncestor(tagged, of: mainTip)) == true
        {
            return true
        }
        throw .alreadyTagged(tag: tag, commit: tagged.short())
    }

    /// Merge into main, tag; each undone when it fails.
    private static func mainSteps(branch: String, main: String, tag: String, version: SemanticVersion, ws: ReleaseWorkspace) -> [Step] {
        let mainBefore = ws.resolve(main)?.hex ?? main
        return [
            Step(arguments: ["checkout", "-q", main]) { _ in "nothing changed on \(main); git checkout \(main) to see why" },
            Step(arguments: ["merge", "-q", "--no-ff", "--no-edit", branch]) { ws in
                _ = try? ws.git.run(["merge", "--abort"])
                _ = try? ws.git.run(["checkout", "-q", branch])
                return "nothing changed on \(main): merging \(branch) into it conflicts (or a hook refused); merge \(main) into \(branch), resolve, then finish again"
            },
            Step(arguments: ["tag", "-a", tag, "-m", ReleaseSettings.fill(ws.release.tagMessage, version: version)]) { ws in
                _ = try? ws.git.run(["reset", "-q", "--keep", mainBefore])
                _ = try? ws.git.run(["checkout", "-q", branch])
                return "nothing changed on \(main): the merge was undone because tagging failed"
            },
        ]
    }

    /// Push main, the integration branch and the tag; delete the remote release branch.
    private static func pushSteps(branch: String, main: String, base: String, tag: String, ws: ReleaseWorkspace) -> [Step] {
        let remote = ws.release.remote
        var steps = [Step(arguments: ["push", "-q", remote, main, base, tag]) { _ in
            "\(main), \(base) and \(tag) are done here but not pushed (pre-push's message is above); fix that, then git push \(remote) \(main) \(base) \(tag)"
        }]
        if ws.resolve("refs/remotes/\(remote)/\(branch)") != nil {
            steps.append(Step(arguments: ["push", "-q", remote, "--delete", branch]) { _ in
                "everything is released and pushed; delete the remote branch yourself: git push \(remote) --delete \(branch)"
            })
        }
        return steps
    }

    /// The changelog with the branch's fixes synced and moved into the version's section, or
    /// nil when nothing changes.
    private static func absorbedChangelog(_ ws: ReleaseWorkspace, version: SemanticVersion) throws(ReleaseError) -> FileChange? {
        guard ws.release.rollsChangelog else { return nil }
        var (document, old, existed) = try ws.syncedChangelog()
        guard document.releaseSectionIndex(version.description) != nil else { return nil }
        document.absorbUnreleased(into: version.description, order: ws.configuration.changelog.orderedTitles)
        let new = document.rendered()
        return new == old ? nil : FileChange(path: ws.configuration.changelog.path, old: old, new: new, existed: existed)
    }
}
