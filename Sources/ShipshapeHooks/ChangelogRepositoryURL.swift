/// The web address of a repository from a remote URL (`git@github.com:o/r.git`,
/// `https://gitlab.com/o/r`), for GitHub, GitLab, Codeberg and Gitea style hosts; nil otherwise.
///
/// - Parameter remote: the remote's URL.
/// - Returns: `https://host/owner/name` or nil.
package func repositoryWebURL(fromRemote remote: String) -> String? {
    var text = Substring(remote)
    var host: Substring
    var path: Substring
    if let scheme = text.firstRange(of: "://") {
        let schemeName = text[..<scheme.lowerBound].lowercased()
        guard ["https", "http", "ssh", "git"].contains(schemeName) else { return nil }
        text = text[scheme.upperBound...]
        guard let slash = text.firstIndex(of: "/") else { return nil }
        host = text[..<slash]
        path = text[text.index(after: slash)...]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
    } else if let colon = text.firstIndex(of: ":"), !text.hasPrefix("/") {
        host = text[..<colon]
        path = text[text.index(after: colon)...]
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    } else {
        return nil
    }
    let lowerHost = host.lowercased()
    guard ["github", "gitlab", "codeberg", "gitea"].contains(where: { lowerHost.contains($0) }) else { return nil }
    while path.hasSuffix("/") { path = path.dropLast() }
    if path.hasSuffix(".git") { path = path.dropLast(4) }
    guard !path.isEmpty, path.contains("/") else { return nil }
    return "https://\(lowerHost)/\(path)"
}
