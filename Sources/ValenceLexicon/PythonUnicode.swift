/// Unicode case semantics of CPython 3.11 (Unicode 14.0.0), which computed the reference data.
///
/// The Swift runtime ships a newer Unicode database. CPython 3.11 knows nothing of scalars assigned
/// after Unicode 14.0, so they are treated as uncased, not case-ignorable and mapping to themselves;
/// the few scalars whose case properties changed after 14.0 are pinned to their 14.0 values.
/// `PythonUnicodeTests` checks every code point against a table dumped from CPython.
enum PythonUnicode {
    /// How a scalar takes part in `str.isupper()`.
    enum CaseClass: UInt8 {
        /// Neither upper, lower nor title case: ignored by `isupper()`.
        case uncased
        /// Has the Uppercase property (and no Lowercase property, not titlecase).
        case upper
        /// Lowercase or titlecase: makes `isupper()` false.
        case lowerOrTitle
    }

    /// How a scalar takes part in the Final_Sigma context of `str.lower()`.
    enum SigmaContext: UInt8 {
        case other
        case cased
        case caseIgnorable
    }

    /// The Unicode version of CPython 3.11's `unicodedata`.
    static let unicodeVersion = (major: 14, minor: 0)

    static func isAssignedForPython(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        return (age.major, age.minor) <= unicodeVersion
    }

    /// The `str.isupper()` role of a scalar.
    static func caseClass(_ scalar: Unicode.Scalar) -> CaseClass {
        switch scalar.value {
        case 0x41...0x5A:
            return .upper
        case 0x61...0x7A:
            return .lowerOrTitle
        case 0...0x7F:
            return .uncased
        case 0x0295:  // LATIN LETTER PHARYNGEAL VOICED FRICATIVE: Lowercase in 14.0 (Lo since 16.0)
            return .lowerOrTitle
        case 0x10FC, 0xA7F2...0xA7F4, 0xAB69:  // modifier letters that gained Lowercase after 14.0
            return .uncased
        default:
            break
        }
        guard isAssignedForPython(scalar) else { return .uncased }
        let properties = scalar.properties
        if properties.isLowercase || properties.generalCategory == .titlecaseLetter {
            return .lowerOrTitle
        }
        return properties.isUppercase ? .upper : .uncased
    }

    /// The role of a scalar in deciding whether U+03A3 lowercases to final sigma.
    static func sigmaContext(_ scalar: Unicode.Scalar) -> SigmaContext {
        switch scalar.value {
        case 0x0295: return .cased
        case 0x1171E: return .caseIgnorable  // AHOM CONSONANT SIGN MEDIAL RA: Mn in 14.0
        default: break
        }
        guard isAssignedForPython(scalar) else { return .other }
        let properties = scalar.properties
        if properties.isCaseIgnorable { return .caseIgnorable }
        return properties.isCased ? .cased : .other
    }

    /// `str.isupper()`: no lowercase or titlecase scalar and at least one uppercase scalar.
    static func isUpper(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawUpper = false
        for scalar in decodeScalars(utf8) {
            switch caseClass(scalar) {
            case .lowerOrTitle: return false
            case .upper: sawUpper = true
            case .uncased: break
            }
        }
        return sawUpper
    }

    /// Writes `str.lower()` of a whole string (full case mapping and the Final_Sigma rule) to
    /// `output` and returns the number of bytes written. Lowercasing grows UTF-8 by at most 50%
    /// (U+0130 "İ" -> "i̇"), so `output` must hold 1.5 times the input.
    static func lowercase(_ utf8: UnsafeBufferPointer<UInt8>,
                          into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        precondition(output.count >= utf8.count + utf8.count / 2, "lowercase buffer too small")
        let scalars = decodeScalars(utf8)
        var length = 0
        func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
            for byte in bytes {
                output[length] = byte
                length += 1
            }
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                append(CollectionOfOne(byte &- 0x41 < 26 ? byte | 0x20 : byte))
            } else if scalar.value == 0x03A3 {
                append((isFinalSigma(scalars, at: index) ? "\u{03C2}" : "\u{03C3}").utf8)
            } else if !isAssignedForPython(scalar) || !scalar.properties.changesWhenLowercased {
                append(UTF8.encode(scalar)!)
            } else {
                append(scalar.properties.lowercaseMapping.utf8)
            }
        }
        return length
    }

    /// CPython's `handle_capital_sigma`: `\p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}*\p{cased})`.
    private static func isFinalSigma(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, sigmaContext(scalars[before]) == .caseIgnorable { before -= 1 }
        guard before >= 0, sigmaContext(scalars[before]) == .cased else { return false }
        var after = index + 1
        while after < scalars.count, sigmaContext(scalars[after]) == .caseIgnorable { after += 1 }
        return after == scalars.count || sigmaContext(scalars[after]) != .cased
    }

    /// Decodes well-formed UTF-8 (as held by a Swift `String`) into scalars.
    private static func decodeScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            scalars.append(scalar)
        }
        return scalars
    }
}
