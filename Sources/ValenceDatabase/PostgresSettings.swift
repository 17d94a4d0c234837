/// Where and as whom to connect to PostgreSQL. There is no default password: one must be configured.
public struct PostgresSettings: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String
    public var database: String
    public var tlsMode: PostgresTLSMode
    /// The schema unqualified names resolve to (`search_path`); nil keeps the server's default.
    public var schema: String?

    public init(host: String, port: Int = 5432, user: String, password: String, database: String,
                tlsMode: PostgresTLSMode = .prefer, schema: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tlsMode = tlsMode
        self.schema = schema
    }

    /// The settings as a URL with the password redacted, safe for logs.
    public var description: String {
        let host = self.host.contains(":") ? "[\(self.host)]" : self.host
        return "postgres://\(user):***@\(host):\(port)/\(database)?sslmode=\(tlsMode.rawValue)"
    }
}
