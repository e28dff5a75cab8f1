/// Finds programs on `PATH` the way `command -v` in the hook shims does.
package enum ExecutableSearch {
    /// The first executable regular file named `name` in the directories of `environment["PATH"]`.
    ///
    /// - Parameters:
    ///   - name: a program name without `/`.
    ///   - environment: supplies `PATH`.
    ///   - skipping: a path to pass over (the hook file itself, should its directory be on PATH).
    /// - Returns: the path as `PATH` spells it, or `nil`.
    package static func find(_ name: String, environment: [String: String], skipping: String? = nil) -> String? {
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":", omittingEmptySubsequences: false)
        for directory in directories {
            let candidate = FileSystem.join(directory.isEmpty ? "." : String(directory), name)
            guard FileSystem.isRegularFile(candidate), FileSystem.isExecutable(candidate) else { continue }
            if let skipping, FileSystem.sameFile(candidate, skipping) { continue }
            return candidate
        }
        return nil
    }
}
