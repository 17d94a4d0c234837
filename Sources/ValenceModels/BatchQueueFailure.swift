/// Why the queue itself failed a request; `DynamicBatcher` turns it into a `ValenceError` for the caller.
enum BatchQueueFailure: Error {
    case timedOut
    case shutDown
}
