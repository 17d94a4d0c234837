extension Array where Element == LabelScore {
    /// The scores as a JSON object text in label order, e.g. `{"neg":0.0,"neu":0.3,"pos":0.7,"compound":0.7}`.
    public var jsonObjectText: String {
        var text = "{"
        for (index, score) in enumerated() {
            if index > 0 { text += "," }
            text += JSONText.quoted(score.label)
            text += ":"
            text += JSONText.number(score.value)
        }
        return text + "}"
    }
}
