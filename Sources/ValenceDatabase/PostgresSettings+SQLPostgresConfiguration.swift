import PostgresKit

extension PostgresSettings {
    /// The driver configuration; TLS uses the system's trust roots.
    func sqlConfiguration() throws -> SQLPostgresConfiguration {
        let tls: PostgresConnection.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = SQLPostgresConfiguration(hostname: host, port: port, username: user, password: password,
                                                     database: database, tls: tls)
        configuration.searchPath = schema.map { [$0] }
        return configuration
    }
}
