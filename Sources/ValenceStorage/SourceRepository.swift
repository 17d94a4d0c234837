import Foundation
import ValenceCore

/// Storage of live sources and of the items already taken from them. Deduplication is the database's:
/// `(source_id, external_id)` is unique, and `recordItems` inserts with insert-ignore, so of two pollers
/// racing on the same items exactly one gets each item back as new.
public protocol SourceRepository: Sendable {
    /// Validates and stores a new source in state `ok`, never polled. A name already used throws
    /// `ValenceError.invalidInput`.
    func create(_ configuration: SourceConfiguration, id: UUID, at time: Date) async throws -> Source
    /// Validates and stores `configuration` under its name: a new source as `create` would, or an existing one's
    /// settings replaced (its id, state and recorded items kept). For sources declared in a configuration file.
    @discardableResult
    func upsert(_ configuration: SourceConfiguration, at time: Date) async throws -> Source
    /// Every source, oldest first.
    func list() async throws -> [Source]
    /// One source; an unknown id throws `ValenceError.notFound`.
    func get(id: UUID) async throws -> Source
    /// Turns polling of a source on or off; an unknown id throws `ValenceError.notFound`.
    @discardableResult
    func setEnabled(id: UUID, _ enabled: Bool) async throws -> Source
    /// Removes a source and its item keys (its predictions stay); an unknown id throws `ValenceError.notFound`.
    func delete(id: UUID) async throws
    /// Records a successful poll: state `ok`, no error, `lastPolledAt = time`, the feed's new validators.
    func markPolled(id: UUID, at time: Date, validators: HTTPValidators) async throws
    /// Records a failed poll: state `failing` with `reason`, `lastPolledAt = time` (validators are kept).
    func markFailing(id: UUID, reason: String, at time: Date) async throws
    /// Which of `externalIDs` the source has already recorded.
    func knownExternalIDs(sourceID: UUID, among externalIDs: [String]) async throws -> Set<String>
    /// Records the items' keys (without a prediction yet) and returns the ones that were new, in input order;
    /// an item already recorded — earlier, by a concurrent poller, or twice in `items` — is left out.
    func recordItems(_ items: [SourceItem]) async throws -> [SourceItem]
    /// Links recorded items to the predictions they were scored into (external id → prediction id).
    func attachPredictions(sourceID: UUID, _ predictions: [String: UUID]) async throws
    /// Forgets recorded items that have no prediction yet (scoring failed), so the next poll takes them again.
    func releaseItems(sourceID: UUID, externalIDs: [String]) async throws
    /// The source's recorded items, newest first, at most `limit`.
    func items(sourceID: UUID, limit: Int) async throws -> [StoredSourceItem]
}
