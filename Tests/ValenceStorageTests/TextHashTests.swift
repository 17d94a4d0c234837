import Foundation
import SQLKit
import Testing
import ValenceDatabaseTestSupport
import ValenceCore
import ValenceStorage

@Suite("Text hashes and STORE_TEXT")
struct TextHashTests {
    @Test("the hash is lowercase hex SHA-256 of the UTF-8 text")
    func knownVectors() {
        #expect(TextHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TextHash.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("every stored row carries its text's hash", arguments: TestDatabase.available)
    func hashStored(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            try await SQLPredictionRepository(database: database).insert([Fixtures.records[0]])
            let row = try #require(try await database.raw("SELECT text, text_hash FROM predictions").first())
            #expect(try row.decode(column: "text", as: String?.self) == "text 1")
            #expect(try row.decode(column: "text_hash", as: String.self) == TextHash.sha256Hex("text 1"))
        }
    }

    @Test("STORE_TEXT=false keeps only the hash", arguments: TestDatabase.available)
    func hashOnly(on target: TestDatabase) async throws {
        try await target.withDatabase { database in
            try await SQLPredictionRepository(database: database, storeText: false).insert(Array(Fixtures.records.prefix(2)))
            let rows = try await database.raw("SELECT text, text_hash FROM predictions ORDER BY id").all()
            #expect(try rows.map { try $0.decode(column: "text", as: String?.self) } == [nil, nil])
            #expect(try rows.map { try $0.decode(column: "text_hash", as: String.self) }
                    == [TextHash.sha256Hex("text 1"), TextHash.sha256Hex("text 2")])
        }
    }
}
