import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Builds a `FeedXMLElement` tree with Foundation's `XMLParser` (FoundationXML on Linux). External entities
/// are not resolved.
final class FeedXMLTreeBuilder: NSObject, XMLParserDelegate {
    private var stack: [FeedXMLElement] = []
    private var root: FeedXMLElement?

    /// The document's root element; throws `FeedXMLError` when the bytes are not well-formed XML.
    static func parse(_ data: Data) throws(FeedXMLError) -> FeedXMLElement {
        let builder = FeedXMLTreeBuilder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw FeedXMLError(line: parser.lineNumber, column: parser.columnNumber)
        }
        return root
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        stack.append(FeedXMLElement(name: elementName, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].contents.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].append(text: string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].append(text: String(decoding: CDATABlock, as: UTF8.self))
    }
}

/// A feed body that is not well-formed XML.
struct FeedXMLError: Error, CustomStringConvertible {
    var line: Int
    var column: Int

    var description: String {
        "not well-formed XML near line \(line), column \(column)"
    }
}
