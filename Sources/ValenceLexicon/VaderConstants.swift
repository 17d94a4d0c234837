/// The constants of vaderSentiment 3.3.2, spelled as in the Python module.
enum VaderConstants {
    /// Empirically derived mean intensity increase for booster words (`B_INCR`).
    static let boosterIncrement = 0.293
    /// Mean intensity decrease for dampener words (`B_DECR`).
    static let boosterDecrement = -0.293
    /// Mean intensity increase for a word in ALL CAPS amid non-caps words (`C_INCR`).
    static let capsIncrement = 0.733
    /// Multiplier applied to a negated valence (`N_SCALAR`).
    static let negationScalar = -0.74

    /// `NEGATE`: words that negate a following sentiment word (compared after `lower()`).
    static let negations: [String] = [
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
        "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
        "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
        "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
        "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
        "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
        "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite",
    ]

    /// `BOOSTER_DICT`: degree adverbs and their scalar. Keys with a space ("kind of") can never
    /// equal a single token; 3.3.2 only meets them as bigrams in the special-idioms check.
    static let boosters: [(String, Double)] = {
        let increments = [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially",
            "exceptional", "exceptionally", "extreme", "extremely", "fabulously", "flipping",
            "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely",
            "incredible", "incredibly", "intensely", "major", "majorly", "more", "most",
            "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ]
        let decrements = [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of",
            "less", "little", "marginal", "marginally", "occasional", "occasionally", "partly",
            "scarce", "scarcely", "slight", "slightly", "somewhat", "sort of", "sorta", "sortof",
            "sort-of",
        ]
        return increments.map { ($0, boosterIncrement) } + decrements.map { ($0, boosterDecrement) }
    }()

    /// `SPECIAL_CASES`: idioms that replace the valence computed for a nearby lexicon word.
    /// "badass" is a single word and can never equal the joined bigrams/trigrams 3.3.2 looks up.
    static let specialCases: [(String, Double)] = [
        ("the shit", 3), ("the bomb", 3), ("bad ass", 1.5), ("badass", 1.5), ("bus stop", 0.0),
        ("yeah right", -2), ("kiss of death", -1.5), ("to die for", 3), ("beating heart", 3.5),
    ]

    // `SENTIMENT_LADEN_IDIOMS` ("cut the mustard", "hand to mouth", "back handed", ...) is never
    // consulted by 3.3.2 (`_sentiment_laden_idioms_check` is not called), so it is not ported.
}

/// Words the rules of 3.3.2 compare a lowercased token against.
enum RuleWord: UInt8, CaseIterable, Sendable {
    case none = 0
    case no, but, kind, of, least, at, very, never, so, this, without, doubt, or, nor

    /// The lowercase spelling, or `nil` for `.none`.
    var spelling: String? {
        switch self {
        case .none: return nil
        case .no: return "no"
        case .but: return "but"
        case .kind: return "kind"
        case .of: return "of"
        case .least: return "least"
        case .at: return "at"
        case .very: return "very"
        case .never: return "never"
        case .so: return "so"
        case .this: return "this"
        case .without: return "without"
        case .doubt: return "doubt"
        case .or: return "or"
        case .nor: return "nor"
        }
    }
}
