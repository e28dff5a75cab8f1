package import ShipshapeConfiguration

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ShipshapeConfiguration {
    /// Loads `.shipshape.toml` from a work-tree root through `FileSystem.read`, the one capped
    /// reader: a file (or a link to `/dev/zero`, an endless FIFO's writer) larger than
    /// `FileSystem.maximumReadSize` is an error, never a process growing until it is killed.
    ///
    /// - Parameter repositoryRoot: the work-tree root; nil gives the defaults.
    /// - Returns: the settings, or the defaults when there is no file.
    /// - Throws: `ConfigurationError` when the file cannot be read or is invalid.
    package static func load(repositoryRoot: String?) throws(ConfigurationError) -> ShipshapeConfiguration {
        try load(repositoryRoot: repositoryRoot, reading: readConfigurationFile)
    }

    /// Loads a configuration file through `FileSystem.read`.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - displayName: how errors name it.
    /// - Returns: the settings, or the defaults when the file does not exist.
    /// - Throws: `ConfigurationError`.
    package static func load(path: String, displayName: String? = nil) throws(ConfigurationError) -> ShipshapeConfiguration {
        try load(path: path, displayName: displayName, reading: readConfigurationFile)
    }

    /// The bytes of a configuration file; nil when it does not exist.
    static func readConfigurationFile(_ path: String, displayName: String) throws(ConfigurationError) -> [UInt8]? {
        do {
            return try FileSystem.read(path)
        } catch {
            if error.code == ENOENT || error.code == ENOTDIR { return nil }
            if error.code == EFBIG {
                throw .unreadable(file: displayName, reason: "it is larger than \(FileSystem.maximumReadSize / (1024 * 1024)) MiB (is it a link to a device or an endless stream?)")
            }
            throw .unreadable(file: displayName, reason: String(cString: strerror(error.code)))
        }
    }
}
