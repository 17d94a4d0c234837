/// The header of a CSV output that keeps its input's columns and adds others: an added column whose name the
/// input already has takes that column's place (its value replaces the input's), the rest go at the end.
public struct CSVOutputColumns: Sendable {
    /// The output's column names.
    public let header: [String]
    /// Where each added column goes, in the order they were given.
    public let positions: [Int]

    public init(input: [String], adding added: [String]) {
        var header = input
        var positions: [Int] = []
        for name in added {
            if let existing = input.firstIndex(of: name) {
                positions.append(existing)
            } else {
                positions.append(header.count)
                header.append(name)
            }
        }
        self.header = header
        self.positions = positions
    }
}
