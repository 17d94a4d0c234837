/// A database setting that cannot be used; the message names the setting and how to fix it.
public struct DatabaseConfigurationError: Error, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
