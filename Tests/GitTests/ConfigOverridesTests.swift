@testable import ShipshapeGit
import ShipshapeTestSupport
import Testing

/// `git -c` values reach hooks through the environment; libgit2 ignores them, Shipshape does not.
@Suite struct ConfigOverridesTests {
    @Test func parsesWhatGitPassesToChildren() throws {
        let sandbox = try GitSandbox()
        let result = try sandbox.gitOK(
            "-c", "alias.penv=!printenv GIT_CONFIG_PARAMETERS", "-c", "core.commentChar=;", "-c", "Remote.Origin.URL=it's here",
            "-c", "shipshape.flag", "-c", "shipshape.empty=", "penv")
        let text = result.trimmedStdout
        let overrides = ConfigOverrides { $0 == "GIT_CONFIG_PARAMETERS" ? text : nil }
        #expect(overrides.value(for: "core.commentchar") == .some(";"))
        #expect(overrides.value(for: "remote.Origin.url") == .some("it's here"))
        #expect(overrides.value(for: "remote.origin.url") == nil)
        #expect(overrides.value(for: "shipshape.flag") == .some(nil))
        #expect(overrides.value(for: "shipshape.empty") == .some(""))
        #expect(overrides.value(for: "core.hooksPath") == nil)
    }

    @Test func parsesOldStyleAndCountedVariables() {
        #expect(ConfigOverrides.parseParameters("'core.commentchar=;' 'a.b'").map { "\($0.0)=\($0.1 ?? "nil")" } == ["core.commentchar=;", "a.b=nil"])
        let environment = ["GIT_CONFIG_COUNT": "2", "GIT_CONFIG_KEY_0": "commit.cleanup", "GIT_CONFIG_VALUE_0": "scissors",
                           "GIT_CONFIG_KEY_1": "core.commentChar", "GIT_CONFIG_VALUE_1": "%",
                           "GIT_CONFIG_PARAMETERS": "'core.commentchar'='#'"]
        let overrides = ConfigOverrides { environment[$0] }
        #expect(overrides.value(for: "commit.cleanup") == .some("scissors"))
        #expect(overrides.value(for: "core.commentChar") == .some("%"))
    }

    @Test func malformedInputIsIgnoredNotFatal() {
        #expect(ConfigOverrides.parseParameters("'unterminated").isEmpty)
        #expect(ConfigOverrides.parseParameters("garbage").isEmpty)
        #expect(ConfigOverrides.parseParameters("").isEmpty)
    }
}
