/// Feed documents covering what real feeds do: CDATA, escaped HTML, entities, namespaces, missing fields.
enum FeedFixtures {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Example news</title>
            <link>https://news.example.org/</link>
            <item>
              <title>Swift 6 &amp; concurrency</title>
              <link>https://news.example.org/swift-6</link>
              <guid isPermaLink="false">urn:example:1</guid>
              <description><![CDATA[<p>Data-race safety is <b>great</b> &amp; fast.</p><script>track()</script>]]></description>
              <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
              <dc:creator>Jane Doe</dc:creator>
            </item>
            <item>
              <title>Entities &#8211; decoded &#x2014; here</title>
              <link>https://news.example.org/entities</link>
              <description>&lt;p&gt;Caf&amp;eacute; &amp;amp; cr&amp;#232;me&lt;br/&gt;tastes   bad&lt;/p&gt;</description>
              <pubDate>Wed, 2 Jan 2024 10:30 +0100</pubDate>
              <author>editor@example.org (Editor)</author>
            </item>
            <item>
              <description>Only a body, no id, link, title or date.</description>
            </item>
            <item>
              <title>   </title>
            </item>
          </channel>
        </rss>
        """

    static let atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Example blog</title>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <updated>2024-03-01T12:00:00Z</updated>
          <entry>
            <title type="html">Release &lt;em&gt;notes&lt;/em&gt;</title>
            <link rel="self" href="https://blog.example.org/entries/1.atom"/>
            <link rel="alternate" type="text/html" href="https://blog.example.org/entries/1"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <updated>2024-03-01T12:00:00Z</updated>
            <published>2024-02-28T09:15:30.250+02:00</published>
            <author><name>Sam Writer</name><email>sam@example.org</email></author>
            <summary type="html">&lt;p&gt;We are &lt;strong&gt;thrilled&lt;/strong&gt;.&lt;/p&gt;</summary>
          </entry>
          <entry>
            <title>XHTML content</title>
            <link href="https://blog.example.org/entries/2"/>
            <updated>2024-03-02T08:00:00Z</updated>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Terrible <em>news</em>.</p></div></content>
          </entry>
        </feed>
        """

    static let malformed = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><item><title>Unclosed</title></channel></rss>
        """

    static let html = "<!DOCTYPE html><html><head><title>Not a feed</title></head><body></body></html>"
}
