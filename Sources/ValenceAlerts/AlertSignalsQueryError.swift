/// A stored row the signals query cannot read (a value no version of Valence writes).
public struct AlertSignalsQueryError: Error, CustomStringConvertible, Equatable {
    public var description: String
}
