/// Character classes exactly as the Rust `tokenizers` crate sees them.
///
/// Swift's tables follow a newer Unicode version than the crates the Rust library uses, so each
/// class is Swift's property cut off at the Unicode version of the crate that defines it, plus the
/// few code points whose category changed since (checked against the Python package for every code
/// point by `UnicodeClassesTests`):
/// - `unicode_categories` (BertNormalizer's control test, BertPreTokenizer's punctuation, Bert accent
///   stripping's non-spacing marks): Unicode 8.0.
/// - `unicode-normalization-alignments` (NFC/NFD/NFKC/NFKD, StripAccents): Unicode 9.0.
/// - Oniguruma (the ByteLevel regex) and the `regex` crate (`\w`): Unicode 16.0.
/// - Rust's `char` methods (`is_whitespace`, `is_numeric`, lowercase): current.
enum UnicodeClass {
    // MARK: Unicode version cut-offs

    @inline(__always)
    static func assigned(_ scalar: UInt32, byMajor major: Int, minor: Int = 0) -> Bool {
        guard let value = Unicode.Scalar(scalar), let age = value.properties.age else { return false }
        return age.major < major || (age.major == major && age.minor <= minor)
    }

    @inline(__always)
    static func category(_ scalar: UInt32) -> Unicode.GeneralCategory {
        Unicode.Scalar(scalar)?.properties.generalCategory ?? .unassigned
    }

    // MARK: Rust std (`char`)

    /// `char::is_whitespace`: the White_Space property.
    @inline(__always)
    static func isWhitespace(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar == 0x20 || (scalar >= 0x09 && scalar <= 0x0D) }
        return Unicode.Scalar(scalar)?.properties.isWhitespace ?? false
    }

    /// `char::is_numeric`: general category Nd, Nl or No.
    static func isNumeric(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
        switch category(scalar) {
        case .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    // MARK: BERT (unicode_categories, Unicode 8.0)

    /// BertNormalizer's whitespace: tab, newline, carriage return or `char::is_whitespace`.
    @inline(__always)
    static func isBertWhitespace(_ scalar: UInt32) -> Bool { isWhitespace(scalar) }

    /// BertNormalizer's control test (`is_other`: Cc, Cf, Co, Cs), tab/newline/return excepted.
    static func isBertControl(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            if scalar == 0x09 || scalar == 0x0A || scalar == 0x0D { return false }
            return scalar < 0x20 || scalar == 0x7F
        }
        if UnicodeClassExceptions.controlFlipped.contains(scalar) { return !isBertControlBase(scalar) }
        return isBertControlBase(scalar)
    }

    private static func isBertControlBase(_ scalar: UInt32) -> Bool {
        switch category(scalar) {
        case .control, .format, .privateUse, .surrogate: return assigned(scalar, byMajor: 8)
        default: return false
        }
    }

    /// BertPreTokenizer's and Punctuation's test: ASCII punctuation or a P* category.
    static func isBertPunctuation(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return (scalar >= 0x21 && scalar <= 0x2F) || (scalar >= 0x3A && scalar <= 0x40)
                || (scalar >= 0x5B && scalar <= 0x60) || (scalar >= 0x7B && scalar <= 0x7E)
        }
        let base = isPunctuationCategory(category(scalar)) && assigned(scalar, byMajor: 8)
        return UnicodeClassExceptions.punctuationFlipped.contains(scalar) ? !base : base
    }

    private static func isPunctuationCategory(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// BERT's CJK ideograph blocks, as the Rust crate spells them (0x2B820–0x2B91F is not included).
    @inline(__always)
    static func isChineseChar(_ scalar: UInt32) -> Bool {
        if scalar < 0x3400 { return false }
        return (0x4E00...0x9FFF).contains(scalar) || (0x3400...0x4DBF).contains(scalar)
            || (0x20000...0x2A6DF).contains(scalar) || (0x2A700...0x2B73F).contains(scalar)
            || (0x2B740...0x2B81F).contains(scalar) || (0x2B920...0x2CEAF).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0x2F800...0x2FA1F).contains(scalar)
    }

    /// BERT accent stripping's `is_mark_nonspacing` (Mn, Unicode 8.0).
    static func isBertNonspacingMark(_ scalar: UInt32) -> Bool {
        if scalar < 0x300 { return false }
        let base = category(scalar) == .nonspacingMark && assigned(scalar, byMajor: 8)
        return UnicodeClassExceptions.nonspacingFlipped.contains(scalar) ? !base : base
    }

    // MARK: unicode-normalization (Unicode 9.0)

    /// StripAccents' `is_combining_mark` (Mn, Mc, Me in Unicode 9.0).
    static func isCombiningMark(_ scalar: UInt32) -> Bool {
        if scalar < 0x300 { return false }
        let base: Bool
        switch category(scalar) {
        case .nonspacingMark, .spacingMark, .enclosingMark: base = assigned(scalar, byMajor: 9)
        default: base = false
        }
        return UnicodeClassExceptions.combiningFlipped.contains(scalar) ? !base : base
    }

    /// Whether the normalization tables the Rust crate uses know this scalar.
    @inline(__always)
    static func isKnownToNormalization(_ scalar: UInt32) -> Bool {
        scalar < 0x800 || assigned(scalar, byMajor: 9)
    }

    // MARK: Oniguruma and the regex crate (Unicode 16.0)

    /// `\p{L}` in the ByteLevel regex.
    @inline(__always)
    static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A }
        switch category(scalar) {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return assigned(scalar, byMajor: 16)
        default:
            return false
        }
    }

    /// `\p{N}` in the ByteLevel regex.
    @inline(__always)
    static func isNumber(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
        switch category(scalar) {
        case .decimalNumber, .letterNumber, .otherNumber: return assigned(scalar, byMajor: 16)
        default: return false
        }
    }

    /// `\w` of the Rust `regex` crate: Alphabetic, marks, Nd, Pc and Join_Control.
    static func isWordCharacter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            return ((scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A) || (scalar >= 0x30 && scalar <= 0x39) || scalar == 0x5F
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        let properties = value.properties
        let base: Bool
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: base = true
        default: base = properties.isAlphabetic || properties.isJoinControl
        }
        return base && assigned(scalar, byMajor: 16)
    }
}
