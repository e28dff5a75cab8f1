import ShipshapeChangelog
import ShipshapeConfiguration
import ShipshapeGit

extension ChangelogSyncUseCase {
    /// The changelog settings to sync with: `given` when a caller passes its own, else the
    /// `[changelog]` table of the work tree's `.shipshape.toml` (the defaults without one).
    ///
    /// - Parameters:
    ///   - given: settings passed by the caller, which win.
    ///   - repository: the repository whose work-tree root holds `.shipshape.toml`.
    /// - Returns: the settings.
    /// - Throws: `ChangelogSyncError.hook(.configuration)` when the file is invalid.
    static func settings(_ given: ChangelogSettings?, for repository: Repository) throws(ChangelogSyncError) -> ChangelogSettings {
        if let given { return given }
        do {
            return try ShipshapeConfiguration.load(repositoryRoot: repository.workdir).changelog
        } catch {
            throw .hook(.configuration(error))
        }
    }
}
