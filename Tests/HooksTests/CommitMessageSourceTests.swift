import Testing
@testable import ShipshapeHooks

/// Reading git's command line for where `git commit` takes the text it starts the message from.
@Suite struct CommitMessageSourceTests {
    func source(_ arguments: String...) -> CommitMessageSource {
        Invocation(workingDirectory: "/", environment: [:], parentArguments: arguments).commitMessageSource
    }

    @Test func plainCommitsLeaveItToTheRepository() {
        #expect(source("git", "commit") == .repository)
        #expect(source("/usr/bin/git", "commit", "--amend", "-v") == .repository)
        #expect(source("git", "commit", "--author", "-m <m@x>", "--", "-m") == .repository)
        #expect(source("git", "commit", "-uno", "-Skey", "-a") == .repository)
    }

    @Test func messagesOnTheCommandLineAreHidden() {
        #expect(source("git", "commit", "-m", "feat: x", "-e") == .hidden)
        #expect(source("git", "commit", "-am", "feat: x") == .hidden)
        #expect(source("git", "commit", "-mfeat: x") == .hidden)
        #expect(source("git", "commit", "--message=feat: x") == .hidden)
        #expect(source("git", "commit", "-F", "msg.txt", "-t", "/tmp/t") == .hidden)
        #expect(source("git", "commit", "--fixup", "HEAD") == .hidden)
    }

    @Test func reusedCommitsAndTemplatesAreNamed() {
        #expect(source("git", "commit", "-c", "HEAD~1") == .commit("HEAD~1"))
        #expect(source("git", "commit", "--reuse-message=abc123", "--amend") == .commit("abc123"))
        #expect(source("git", "commit", "-t", "/tmp/template") == .template("/tmp/template"))
        #expect(source("git", "commit", "-vt/tmp/template") == .template("/tmp/template"))
    }

    @Test func gitsOwnOptionsComeBeforeTheCommand() {
        // git's -c is configuration, not commit's --reedit-message.
        #expect(source("git", "-c", "core.commentChar=auto", "-C", "/repo", "commit") == .repository)
        #expect(source("git", "--no-pager", "-c", "x=y", "commit", "-m", "x") == .hidden)
    }

    @Test func otherParentsAreUnknown() {
        #expect(source() == .unknown)
        #expect(source("python3", "/usr/bin/pre-commit", "hook-impl", "--hook-type=commit-msg") == .unknown)
    }
}
