/// Validation of every name that becomes part of a cache path or a hub URL (DESIGN.md section 8:
/// model names can never escape the model cache). Names are checked before any request is made.
public enum HubNames {
    /// The longest owner or name part of a repository id, as on the hub.
    public static let maximumRepositoryPartLength = 96
    /// The longest accepted revision (branch, tag or commit).
    public static let maximumRevisionLength = 100
    /// The longest accepted file path from a hub listing.
    public static let maximumFilePathLength = 1024

    /// Checks `owner/name` or `name`, each part of `[A-Za-z0-9._-]`, without `..` or `--`
    /// (the cache folder joins owner and name with `--`) and not starting with `.` or `-`.
    public static func validateRepository(_ repository: String) throws(HubError) {
        let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else {
            throw .invalidRepository(repository, reason: "expected 'owner/name' or 'name'")
        }
        for part in parts {
            if let problem = problem(inRepositoryPart: part) {
                throw .invalidRepository(repository, reason: problem)
            }
        }
    }

    /// Checks a revision: 1–100 characters of `[A-Za-z0-9._-]`, without `..`, not starting with `.` or `-`.
    public static func validateRevision(_ revision: String) throws(HubError) {
        if revision.isEmpty { throw .invalidRevision(revision, reason: "it is empty") }
        if revision.utf8.count > maximumRevisionLength {
            throw .invalidRevision(revision, reason: "longer than \(maximumRevisionLength) characters")
        }
        if let problem = problem(inComponent: Substring(revision)) {
            throw .invalidRevision(revision, reason: problem)
        }
    }

    /// Checks a relative file path: `/`-separated components of `[A-Za-z0-9._-]`, none empty, `.` or `..`,
    /// none containing `..` or starting with `-`. A leading `.` is allowed (`.gitattributes` is in every repository).
    public static func validateFilePath(_ path: String) throws(HubError) {
        guard !path.isEmpty, path.utf8.count <= maximumFilePathLength else { throw .unsafePath(path) }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".",
                  component.allSatisfy(isSafeCharacter),
                  !component.contains(".."), !component.hasPrefix("-")
            else { throw .unsafePath(path) }
        }
    }

    private static func problem(inRepositoryPart part: Substring) -> String? {
        if part.utf8.count > maximumRepositoryPartLength {
            return "a part is longer than \(maximumRepositoryPartLength) characters"
        }
        if part.contains("--") { return "'--' is not allowed" }
        return problem(inComponent: part)
    }

    private static func problem(inComponent component: Substring) -> String? {
        if component.isEmpty { return "a part is empty" }
        if !component.allSatisfy(isSafeCharacter) { return "only letters, digits, '.', '_' and '-' are allowed" }
        if component.contains("..") { return "'..' is not allowed" }
        if component.hasPrefix(".") || component.hasPrefix("-") { return "it may not start with '.' or '-'" }
        return nil
    }

    private static func isSafeCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let ascii = character.asciiValue else { return false }
        switch ascii {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}

extension HubNames {
    /// True for a path that tries to leave its folder: absolute, with a backslash or NUL, or with an empty,
    /// `.` or `..` component. A hub listing containing one is rejected as a whole.
    static func isTraversalAttempt(_ path: String) -> Bool {
        if path.hasPrefix("/") || path.contains("\\") || path.contains("\0") { return true }
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }
}
