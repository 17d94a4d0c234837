/// A data set that cannot be read: names the file and, when known, the 1-based line.
public struct EvalDatasetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path of the offending file.
    public var file: String
    /// The 1-based physical line the problem is on, when it is on one.
    public var line: Int?
    /// What is wrong, in words.
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `FILE:LINE: message`, or `FILE: message` when no line applies.
    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
