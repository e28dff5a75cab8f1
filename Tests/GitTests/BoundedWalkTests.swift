import ShipshapeGit
import ShipshapeTestSupport
import Testing
import ShipshapeModel

/// Keeps the developer's ~/.gitconfig and /etc/gitconfig out of libgit2 in this test process.
private let isolated: Void = {
    try! GitLibrary.ignoreUserAndSystemConfiguration()
}()

/// A history built with `git commit-tree`: any shape, any committer date.
private struct History {
    let sandbox: GitSandbox
    let tree: String
    var ids: [String: String] = [:]

    init() throws {
        sandbox = try GitSandbox()
        tree = try sandbox.gitOK("mktree", stdin: "").trimmedStdout
    }

    /// Adds commit `name` with `parents` (names) and a committer date in seconds since 1970.
    mutating func add(_ name: String, _ parents: [String] = [], at seconds: Int) throws {
        var arguments = ["commit-tree", tree, "-m", "chore: \(name)"]
        for parent in parents { arguments += ["-p", ids[parent]!] }
        let saved = sandbox.env
        defer { sandbox.env = saved }
        sandbox.env["GIT_AUTHOR_DATE"] = "@\(seconds) +0000"
        sandbox.env["GIT_COMMITTER_DATE"] = "@\(seconds) +0000"
        ids[name] = try sandbox.gitOK(arguments: arguments).trimmedStdout
    }

    func id(_ name: String) -> ObjectID { ObjectID(hex: ids[name]!)! }

    func repository() throws -> Repository {
        _ = isolated
        return try #require(try Repository.discover(startingAt: sandbox.root, honoringEnvironment: false))
    }

    /// Every commit reachable from a commit (git rev-list without any walk limit), as names.
    func ancestry(_ name: String) throws -> Set<String> {
        let hexes = try sandbox.gitOK("rev-list", ids[name]!).stdout.split(separator: "\n").map(String.init)
        let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        return Set(hexes.map { names[$0]! })
    }

    /// Checks the walk `excluded..included` and every ancestry question against the full
    /// histories, and that the order is topological (parents first).
    func expectExact(included: [String], excluded: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let repository = try self.repository()
        var truth: Set<String> = []
        for name in included { truth.formUnion(try ancestry(name)) }
        for name in excluded { truth.subtract(try ancestry(name)) }
        let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        let walked = try repository.commits(from: excluded.map(id), to: included.map(id))
        #expect(Set(walked.map { names[$0.id.hex]! }) == truth, sourceLocation: sourceLocation)
        #expect(walked.count == truth.count, sourceLocation: sourceLocation)
        var seen: Set<ObjectID> = []
        for commit in walked {
            for parent in commit.parentIDs where truth.contains(names[parent.hex]!) {
                #expect(seen.contains(parent), "parent after child", sourceLocation: sourceLocation)
            }
            seen.insert(commit.id)
        }
        let range = CommitRange(excluded: excluded.map(id), included: included.map(id))
        let newest = try repository.commitIDs(range, order: .newestFirst)
        #expect(newest == walked.map(\.id).reversed(), sourceLocation: sourceLocation)
        #expect(walked.map(\.id) == (try repository.libgit2CommitIDs(range)), "same order as libgit2", sourceLocation: sourceLocation)
        // (hiding only root commits is left to libgit2: it costs it nothing)
        if included.count == 1 && !excluded.isEmpty, try !excluded.allSatisfy({ try ancestry($0).count == 1 }) {
            #expect(repository.boundedCommitIDs(range) == walked.map(\.id), "walked without libgit2", sourceLocation: sourceLocation)
        }
    }

    /// Checks `isAncestor` for every pair against `git merge-base --is-ancestor`.
    func expectAncestryExact(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let repository = try self.repository()
        for (a, _) in ids {
            let reachable = try ancestry(a)
            for (b, _) in ids {
                #expect(try repository.isAncestor(id(b), of: id(a)) == reachable.contains(b), "\(b) ancestor of \(a)", sourceLocation: sourceLocation)
            }
        }
    }
}

private let day = 86_400
private let base = 1_700_000_000

@Suite struct BoundedWalkTests {
    @Test func linearHistoryHidesOnlyBelowTheHiddenCommit() throws {
        var history = try History()
        try history.add("c0", at: base)
        for i in 1..<30 { try history.add("c\(i)", ["c\(i - 1)"], at: base + i * 600) }
        try history.expectExact(included: ["c29"], excluded: ["c28"])
        try history.expectExact(included: ["c29"], excluded: ["c0"])
        try history.expectExact(included: ["c29"], excluded: ["c29"])
        try history.expectExact(included: ["c10"], excluded: ["c20"])
        try history.expectExact(included: ["c20", "c25"], excluded: ["c5", "c12"])
    }

    @Test func equalDatesEverywhere() throws {
        var history = try History()
        try history.add("a", at: base)
        try history.add("b", ["a"], at: base)
        try history.add("c", ["b"], at: base)
        try history.add("side", ["a"], at: base)
        try history.add("merge", ["c", "side"], at: base)
        try history.add("d", ["merge"], at: base)
        try history.expectExact(included: ["d"], excluded: ["c"])
        try history.expectExact(included: ["d"], excluded: ["side"])
        try history.expectExact(included: ["c"], excluded: ["side"])
        try history.expectAncestryExact()
    }

    @Test func mergesAndCrissCrossMerges() throws {
        var history = try History()
        try history.add("root", at: base)
        try history.add("a1", ["root"], at: base + 100)
        try history.add("b1", ["root"], at: base + 200)
        // criss-cross: each side merges the other's first commit
        try history.add("a2", ["a1", "b1"], at: base + 300)
        try history.add("b2", ["b1", "a1"], at: base + 400)
        try history.add("a3", ["a2"], at: base + 500)
        try history.add("b3", ["b2"], at: base + 600)
        try history.add("m", ["a3", "b3"], at: base + 700)
        try history.add("tip", ["m"], at: base + 800)
        try history.expectExact(included: ["tip"], excluded: ["a3"])
        try history.expectExact(included: ["tip"], excluded: ["b2"])
        try history.expectExact(included: ["a3"], excluded: ["b3"])
        try history.expectExact(included: ["b3"], excluded: ["a3"])
        try history.expectExact(included: ["tip"], excluded: ["a2", "b2"])
        try history.expectAncestryExact()
    }

    @Test func hiddenCommitThatIsNoAncestor() throws {
        var history = try History()
        try history.add("root", at: base)
        for i in 1...10 { try history.add("main\(i)", [i == 1 ? "root" : "main\(i - 1)"], at: base + i * 60) }
        for i in 1...10 { try history.add("topic\(i)", [i == 1 ? "main3" : "topic\(i - 1)"], at: base + 30 + i * 60) }
        // an unrelated history (another root)
        try history.add("other", at: base + 2000)
        try history.add("other2", ["other"], at: base + 2100)
        try history.expectExact(included: ["main10"], excluded: ["topic10"])
        try history.expectExact(included: ["topic10"], excluded: ["main10"])
        try history.expectExact(included: ["main10"], excluded: ["other2"])
        try history.expectExact(included: ["other2"], excluded: ["main10", "topic4"])
        try history.expectAncestryExact()
    }

    @Test func skewedDatesInThePastAndFuture() throws {
        var history = try History()
        try history.add("root", at: base)
        try history.add("a", ["root"], at: base + 100)
        // a commit made on a machine whose clock was a year behind, and its child a month ahead
        try history.add("past", ["a"], at: base - 365 * day)
        try history.add("future", ["past"], at: base + 30 * day)
        try history.add("b", ["future"], at: base + 200)
        try history.add("side", ["a"], at: base + 150)
        try history.add("side2", ["side"], at: base - 10 * day)
        try history.add("m", ["b", "side2"], at: base + 300)
        try history.add("tip", ["m"], at: base + 400)
        for hidden in ["a", "past", "future", "b", "side", "side2", "m", "root"] {
            try history.expectExact(included: ["tip"], excluded: [hidden])
        }
        try history.expectExact(included: ["future"], excluded: ["side2"])
        try history.expectExact(included: ["side2"], excluded: ["future"])
        try history.expectAncestryExact()
    }

    @Test func skewBeyondTheSlopIsTreatedAsLibgit2TreatsIt() throws {
        // The hidden side reaches the shared commit only through more than five commits hours
        // older than it: libgit2 (like git without a commit-graph) stops after its SLOP of five
        // and lists "shared"; the walk reproduces libgit2, not the exact answer. Ancestry is exact.
        var history = try History()
        try history.add("shared", at: base)
        try history.add("tip", ["shared"], at: base + 100)
        try history.add("h0", ["shared"], at: base - 3_600 * 10)
        for i in 1...12 { try history.add("h\(i)", ["h\(i - 1)"], at: base - 3_600 * 10 - i) }
        try history.add("hidden", ["h12"], at: base + 50)
        let repository = try history.repository()
        for order in [WalkOrder.oldestFirst, .newestFirst] {
            let range = CommitRange(excluded: [history.id("hidden")], included: [history.id("tip")])
            #expect(try repository.commitIDs(range, order: order) == repository.libgit2CommitIDs(range, order: order))
        }
        try history.expectAncestryExact()
    }

    @Test func ancestryIsExactWhateverTheSkew() throws {
        // A path from the descendant to the ancestor through commits dated years apart.
        var history = try History()
        try history.add("ancestor", at: base + 10 * 365 * day)
        try history.add("x1", ["ancestor"], at: base - 10 * 365 * day)
        try history.add("x2", ["x1"], at: base + 20 * 365 * day)
        try history.add("x3", ["x2"], at: base - 20 * 365 * day)
        try history.add("descendant", ["x3"], at: base)
        try history.add("stranger", at: base + 30 * 365 * day)
        try history.expectAncestryExact()
        try history.expectExact(included: ["descendant"], excluded: ["x2"])
    }

    @Test func remoteTrackingGlobsAreHidden() throws {
        var history = try History()
        try history.add("a", at: base)
        try history.add("b", ["a"], at: base + 60)
        try history.add("c", ["b"], at: base + 120)
        try history.add("d", ["c"], at: base + 180)
        try history.sandbox.gitOK("update-ref", "refs/remotes/origin/main", history.ids["b"]!)
        try history.sandbox.gitOK("tag", "-a", "-m", "v1", "v1.0.0", history.ids["c"]!)
        let repository = try history.repository()
        let walked = try repository.commitIDs(CommitRange(included: [history.id("d")], excludedReferenceGlobs: ["refs/remotes/origin/*"]))
        #expect(walked == [history.id("c"), history.id("d")])
        // libgit2's glob rules: "refs/" implied, "/*" appended without a wildcard; tags peeled
        #expect(try repository.commitIDs(CommitRange(included: [history.id("d")], excludedReferenceGlobs: ["remotes/origin"])) == walked)
        #expect(try repository.commitIDs(CommitRange(included: [history.id("d")], excludedReferenceGlobs: ["refs/tags/*"])) == [history.id("d")])
        #expect(try repository.commitIDs(CommitRange(included: [history.id("d")], excludedReferenceGlobs: ["refs/nothing/*"])).count == 4)
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, false), (4, false), (5, false), (6, false), (7, true), (8, true), (9, true), (10, true)])
    func sameOrderAsLibgit2OnRandomHistories(seed: UInt64, skewed: Bool) throws {
        // Random branches and merges; dates from a handful of values, so most commits tie and
        // the order comes down to libgit2's list and heap mechanics, which the walk reproduces.
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var history = try History()
        var names: [String] = []
        var times: [String: Int] = [:]
        var parentsOf: [String: [String]] = [:]
        for i in 0..<28 {
            var parents: [String] = []
            if !names.isEmpty {
                parents.append(names[names.count - 1 - random(min(names.count, 4))])
                if names.count > 3 && random(3) == 0 {
                    let other = names[random(names.count)]
                    if !parents.contains(other) { parents.append(other) }
                }
            }
            let newest = parents.map { times[$0]! }.max() ?? base
            // ties everywhere; with `skewed`, some commits days older or newer than their parents
            var time = newest + 60 * random(2)
            if skewed && random(4) == 0 { time += (random(2) == 0 ? -1 : 1) * day * (1 + random(30)) }
            let name = "n\(i)"
            try history.add(name, parents, at: time)
            parentsOf[name] = parents
            names.append(name)
            times[name] = time
        }
        let repository = try history.repository()
        for _ in 0..<12 {
            let tip = names[names.count - 1 - random(6)]
            var hidden = [names[random(names.count)]]
            if random(2) == 0 { hidden.append(names[random(names.count)]) }
            try history.sandbox.gitOK("update-ref", "refs/remotes/origin/x", history.ids[names[random(names.count)]]!)
            try history.sandbox.gitOK("update-ref", "refs/remotes/origin/y", history.ids[names[random(names.count)]]!)
            let globs = random(2) == 0 ? ["refs/remotes/origin/*"] : []
            let range = CommitRange(excluded: hidden.map(history.id), included: [history.id(tip)], excludedReferenceGlobs: globs)
            for order in [WalkOrder.oldestFirst, .newestFirst] {
                let rootsOnly = globs.isEmpty && hidden.allSatisfy { parentsOf[$0]!.isEmpty }
                if rootsOnly {
                    #expect(repository.boundedCommitIDs(range, order: order) == nil)
                    continue
                }
                let bounded = try #require(repository.boundedCommitIDs(range, order: order))
                #expect(try bounded == repository.libgit2CommitIDs(range, order: order), "\(tip) ^\(hidden) \(globs) \(order)")
            }
            if !skewed && globs.isEmpty { try history.expectExact(included: [tip], excluded: hidden) }
            for other in hidden { #expect(try repository.isAncestor(history.id(other), of: history.id(tip)) == history.ancestry(tip).contains(other)) }
            if !skewed { try expectAncestorsExact(history, repository, tip: tip, among: (0..<5).map { _ in names[random(names.count)] }) }
        }
        // With a commit-graph the answer is exact whatever the dates.
        try history.sandbox.gitOK("update-ref", "refs/heads/all", history.ids[names.last!]!)
        for name in names { try history.sandbox.gitOK("update-ref", "refs/tags/\(name)", history.ids[name]!) }
        try history.sandbox.gitOK("commit-graph", "write", "--reachable")
        let graphed = try history.repository()
        for _ in 0..<12 {
            let tip = names[random(names.count)]
            try expectAncestorsExact(history, graphed, tip: tip, among: (0..<6).map { _ in names[random(names.count)] })
        }
    }

    /// Checks `ancestors(among:of:)` against `git rev-list`.
    private func expectAncestorsExact(
        _ history: History, _ repository: Repository, tip: String, among candidates: [String], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let truth = try history.ancestry(tip)
        let found = try repository.ancestors(among: candidates.map(history.id), of: history.id(tip))
        #expect(found == Set(candidates.filter(truth.contains).map(history.id)), "\(candidates) in \(tip)", sourceLocation: sourceLocation)
    }

    @Test func ancestorsAmongManyTagsOfABranchThatLacksThem() throws {
        // A maintenance branch forked early lacks every later tag of main; the one walk answers
        // for all of them, and a tag on the branch itself or the branch's own tip counts.
        var history = try History()
        try history.add("m0", at: base)
        for i in 1..<120 { try history.add("m\(i)", ["m\(i - 1)"], at: base + i * 60) }
        try history.add("s1", ["m10"], at: base + 200 * 60)
        for i in 2..<8 { try history.add("s\(i)", ["s\(i - 1)"], at: base + (200 + i) * 60) }
        let tags = stride(from: 0, to: 120, by: 10).map { "m\($0)" } + ["s3", "s7"]
        for graph in [false, true] {
            if graph {
                try history.sandbox.gitOK("update-ref", "refs/heads/main", history.ids["m119"]!)
                try history.sandbox.gitOK("update-ref", "refs/heads/support", history.ids["s7"]!)
                try history.sandbox.gitOK("commit-graph", "write", "--reachable")
            }
            let repository = try history.repository()
            let found = try repository.ancestors(among: tags.map(history.id), of: history.id("s7"))
            #expect(found == Set(["m0", "m10", "s3", "s7"].map(history.id)), "graph: \(graph)")
            #expect(try repository.ancestors(among: [], of: history.id("s7")).isEmpty)
            #expect(try repository.ancestors(among: tags.map(history.id), of: history.id("m119")) == Set(stride(from: 0, to: 120, by: 10).map { history.id("m\($0)") }))
        }
    }

    @Test func tagTargetsFromPackedRefsAndObjects() throws {
        var history = try History()
        try history.add("a", at: base)
        try history.add("b", ["a"], at: base + 60)
        let sandbox = history.sandbox
        try sandbox.gitOK("tag", "-a", "-m", "packed", "v1.0.0", history.ids["a"]!)
        try sandbox.gitOK("tag", "light-packed", history.ids["a"]!)
        try sandbox.gitOK("tag", "-a", "-m", "of a tree", "tree-tag", history.tree)
        try sandbox.gitOK("pack-refs", "--all")
        try sandbox.gitOK("tag", "-a", "-m", "loose", "v2.0.0", history.ids["b"]!)
        try sandbox.gitOK("tag", "light-loose", history.ids["b"]!)
        try sandbox.gitOK("tag", "-a", "-m", "tag of a tag", "nested", "v2.0.0")
        let repository = try history.repository()
        let targets = Dictionary(uniqueKeysWithValues: try repository.tagTargets().map { ($0.name, $0.target) })
        #expect(targets["v1.0.0"] == history.id("a"))
        #expect(targets["light-packed"] == history.id("a"))
        #expect(targets["v2.0.0"] == history.id("b"))
        #expect(targets["light-loose"] == history.id("b"))
        #expect(targets["nested"] == history.id("b"))
        #expect(targets["tree-tag"] == ObjectID(hex: history.tree))
        // every tag that marks a commit has the same target as in tags()
        for tag in try repository.tags() { #expect(targets[tag.name] == tag.target, "\(tag.name)") }
    }

    @Test func repositoryWithACommitGraph() throws {
        // With a commit-graph (as after git gc) the bounded walk reads it and has no budget; its
        // answers are libgit2's whether or not libgit2 has walked.
        var history = try History()
        try history.add("c0", at: base)
        for i in 1..<40 { try history.add("c\(i)", ["c\(i - 1)"] + (i % 7 == 0 ? ["c\(i - 5)"] : []), at: base + i * 60) }
        try history.sandbox.gitOK("update-ref", "refs/heads/main", history.ids["c39"]!)
        try history.sandbox.gitOK("commit-graph", "write", "--reachable")
        let repository = try history.repository()
        let range = CommitRange(excluded: [history.id("c30")], included: [history.id("c39")])
        #expect(repository.boundedCommitIDs(range) != nil)
        let bounded = try repository.commitIDs(range)
        #expect(try repository.isAncestor(history.id("c3"), of: history.id("c39")))
        #expect(try !repository.isAncestor(history.id("c39"), of: history.id("c3")))
        let native = try repository.libgit2CommitIDs(range)
        #expect(bounded == native)
        #expect(repository.boundedCommitIDs(range) == native)
        #expect(try repository.commitIDs(range) == native)
        #expect(try repository.isAncestor(history.id("c3"), of: history.id("c39")))
    }

    @Test func withACommitGraphTheWalksAreExactWhateverTheDates() throws {
        // Published history with a stretch dated a year early, merged long ago: below it, commits
        // reachable from the published tip only through those old-dated ones. Without generation
        // numbers a date-ordered walk stops too early and calls them new; with them it is exact.
        var history = try History()
        let year = 365 * 86_400
        try history.add("p0", at: base)
        for i in 1..<30 { try history.add("p\(i)", ["p\(i - 1)"], at: base + i * 60) }
        // x: normal dates, published only through the old-dated stretch s.
        for i in 0..<10 { try history.add("x\(i)", [i == 0 ? "p5" : "x\(i - 1)"], at: base + (30 + i) * 60) }
        try history.add("s0", ["x9"], at: base - year)
        for i in 1..<16 { try history.add("s\(i)", ["s\(i - 1)"], at: base - year + i * 60) }
        try history.add("m", ["p29", "s15"], at: base + 45 * 60)
        for i in 1..<5 { try history.add("q\(i)", [i == 1 ? "m" : "q\(i - 1)"], at: base + (45 + i) * 60) }
        // The new side: from a commit published only through s, merged with the tip.
        try history.add("n1", ["x5"], at: base + 50 * 60)
        try history.add("n2", ["n1", "q4"], at: base + 51 * 60)
        try history.sandbox.gitOK("update-ref", "refs/heads/main", history.ids["n2"]!)
        let dated = try history.repository()
        let range0 = CommitRange(excluded: [history.id("q4")], included: [history.id("n2")])
        #expect(try dated.commitIDs(range0).count > 2, "the date-ordered walk is fooled without a commit-graph")
        try history.sandbox.gitOK("commit-graph", "write", "--reachable")
        let repository = try history.repository()
        let range = CommitRange(excluded: [history.id("q4")], included: [history.id("n2")])
        let new = try repository.commitIDs(range)
        #expect(Set(new) == [history.id("n1"), history.id("n2")], "\(new.count) commits")
        #expect(try repository.isAncestor(history.id("x2"), of: history.id("q4")))
    }

    @Test func missingHiddenCommitIsStillAnError() throws {
        var history = try History()
        try history.add("a", at: base)
        let repository = try history.repository()
        let missing = ObjectID(hex: String(repeating: "ab", count: 20))!
        #expect(throws: GitError.self) { try repository.commitIDs(CommitRange(excluded: [missing], included: [history.id("a")])) }
    }
}
