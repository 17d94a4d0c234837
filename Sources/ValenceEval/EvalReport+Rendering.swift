extension EvalReport {
    /// The report as aligned plain text for a terminal: a summary, per-class metrics, and the confusion matrix
    /// (gold rows, predicted columns); figures with 3 decimals. Ends with a line break.
    public func rendered() -> String {
        var lines = summaryLines
        if !perClass.isEmpty {
            lines.append("")
            lines += TextTable.render(classRows)
            lines.append("")
            lines.append("confusion matrix (rows: gold, columns: predicted)")
            lines += TextTable.render(confusionRows)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `label  value` lines, values left-aligned in one column.
    private var summaryLines: [String] {
        var rows = [
            ["model", modelKey],
            ["examples", "\(exampleCount) (\(labelledCount) labelled, \(ratedCount) rated)"],
        ]
        if let accuracy, let macroF1, let macroRecall {
            rows.append(["accuracy", TextTable.decimal(accuracy)])
            rows.append(["macro F1", TextTable.decimal(macroF1)])
            rows.append(["macro recall", TextTable.decimal(macroRecall)])
        }
        if ratedCount > 0 {
            rows.append(["Pearson r", pearson.map(TextTable.decimal) ?? "n/a (fewer than 2 ratings or no variance)"])
        }
        let labelWidth = rows.map { $0[0].count }.max() ?? 0
        return rows.map { $0[0] + String(repeating: " ", count: labelWidth - $0[0].count) + "  " + $0[1] }
    }

    private var classRows: [[String]] {
        [["class", "precision", "recall", "F1", "support", "predicted"]]
            + perClass.map { row in
                [
                    row.sentiment.rawValue, TextTable.decimal(row.precision), TextTable.decimal(row.recall),
                    TextTable.decimal(row.f1), String(row.support), String(row.predicted),
                ]
            }
    }

    private var confusionRows: [[String]] {
        let classes = confusionMatrix.classes.map(\.rawValue)
        return [["gold \\ predicted"] + classes]
            + zip(classes, confusionMatrix.counts).map { name, counts in [name] + counts.map(String.init) }
    }
}
