/// One element of a parsed feed document: just what the feed reader needs (name, attributes, content).
struct FeedXMLElement: Sendable, Equatable {
    /// A piece of an element's content, in document order.
    indirect enum Content: Sendable, Equatable {
        case text(String)
        case element(FeedXMLElement)
    }

    /// The qualified name as written, e.g. `item`, `dc:creator`.
    var name: String
    var attributes: [String: String]
    var contents: [Content] = []

    /// The name without its namespace prefix.
    var localName: Substring {
        name.split(separator: ":", maxSplits: 1).last ?? Substring(name)
    }

    /// The child elements, in document order.
    var children: [FeedXMLElement] {
        contents.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The text of the element and all its descendants in document order, with a space around every element that
    /// is not inline HTML (so Atom's xhtml `<p>a</p><p>b</p>` reads `a b`, and `<em>b</em>.` reads `b.`).
    var allText: String {
        contents.map { content in
            switch content {
            case .text(let text): text
            case .element(let element):
                HTMLText.inlineTags.contains(element.localName.lowercased()) ? element.allText : " \(element.allText) "
            }
        }.joined()
    }

    /// Appends character data, merging it with text just before.
    mutating func append(text: String) {
        if case .text(let previous) = contents.last {
            contents[contents.count - 1] = .text(previous + text)
        } else {
            contents.append(.text(text))
        }
    }

    /// The first child with this local name (or, when `name` has a prefix, exactly this qualified name).
    func child(_ name: String) -> FeedXMLElement? {
        children.first { $0.matches(name) }
    }

    /// Every child with this local name (or exactly this qualified name).
    func children(_ name: String) -> [FeedXMLElement] {
        children.filter { $0.matches(name) }
    }

    /// Every descendant with this local name, in document order (does not descend into matches).
    func descendants(_ name: String) -> [FeedXMLElement] {
        children.flatMap { $0.matches(name) ? [$0] : $0.descendants(name) }
    }

    /// The trimmed text of the first child named `name`; nil when absent or blank.
    func value(_ name: String) -> String? {
        guard let text = child(name)?.allText.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private func matches(_ wanted: String) -> Bool {
        wanted.contains(":") ? name == wanted : localName == wanted
    }
}
