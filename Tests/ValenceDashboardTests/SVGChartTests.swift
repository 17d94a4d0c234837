import Foundation
import Testing
import ValenceDashboard

@Suite("SVG charts")
struct SVGChartTests {
    @Test("the trend draws one path per sentiment and keeps every point inside the view box")
    func trendGeometry() throws {
        let svg = SVGChart.trend(Fixtures.trend(count: 12))
        let box = try #require(SVGGeometry.viewBox(svg))
        #expect(SVGGeometry.count("<path class=\"series", in: svg) == 3)
        for name in ["positive", "negative", "neutral"] {
            #expect(SVGGeometry.count("<path class=\"series \(name)\"", in: svg) == 1)
            #expect(SVGGeometry.count("<circle class=\"point \(name)\"", in: svg) == 12)
        }
        let points = SVGGeometry.points(svg)
        #expect(points.count == 3 * 12 * 2)
        for point in points {
            #expect(point.x >= 0 && point.x <= box.width && point.y >= 0 && point.y <= box.height, "\(point)")
        }
        #expect(svg.contains("<title>"))
    }

    @Test("time labels are UTC, with the first and last bucket labelled")
    func trendTimeLabels() {
        let svg = SVGChart.trend(Fixtures.trend(count: 12))
        #expect(svg.contains(">09:00</text>"))
        #expect(svg.contains(">09:55</text>"))
        #expect(svg.contains("time (UTC)"))
        let multiDay = SVGChart.trend(Fixtures.trend(count: 3, step: 86_400))
        #expect(multiDay.contains(">11-30 09:00</text>"))
    }

    @Test("no data, or buckets without predictions, show the placeholder")
    func placeholders() {
        let empty = [
            SVGChart.trend([]),
            SVGChart.trend([DashboardTrendBucket(start: Fixtures.start, count: 0, positivePercent: 0, negativePercent: 0, neutralPercent: 0)]),
            SVGChart.distribution(DashboardDistribution()),
            SVGChart.modelShare([]),
            SVGChart.modelLatency([]),
        ]
        for svg in empty {
            #expect(svg.contains("no predictions yet"))
            #expect(svg.contains("viewBox="))
            #expect(!svg.contains("<path"))
        }
    }

    @Test("a single bucket is drawn as a point in the middle of the chart")
    func onePoint() throws {
        let svg = SVGChart.trend(Fixtures.trend(count: 1))
        let box = try #require(SVGGeometry.viewBox(svg))
        let points = SVGGeometry.points(svg)
        #expect(!points.isEmpty)
        for point in points {
            #expect(point.x > 0 && point.x < box.width && point.y >= 0 && point.y <= box.height)
        }
        #expect(SVGGeometry.count("<circle", in: svg) == 3)
    }

    @Test("non-finite and out-of-range numbers never reach the SVG")
    func nonFinite() throws {
        let buckets = [
            DashboardTrendBucket(start: Fixtures.start, count: 5, positivePercent: .nan, negativePercent: .infinity, neutralPercent: -20),
            DashboardTrendBucket(start: Fixtures.start.addingTimeInterval(60), count: 5, positivePercent: 250, negativePercent: 10, neutralPercent: 10),
        ]
        let model = DashboardModelRow(key: "m", sharePercent: .nan, predictions: 1, averageLatencyMs: .infinity, p95LatencyMs: .nan, status: "ready")
        let charts = [
            SVGChart.trend(buckets),
            SVGChart.distribution(DashboardDistribution(positivePercent: .infinity, negativePercent: .nan, neutralPercent: 40)),
            SVGChart.modelShare([model]),
            SVGChart.modelLatency([model]),
        ]
        for svg in charts {
            let lowered = svg.lowercased()
            #expect(!lowered.contains("nan") && !lowered.contains("inf"), "\(svg)")
            let box = try #require(SVGGeometry.viewBox(svg))
            for point in SVGGeometry.points(svg) {
                #expect(point.x >= 0 && point.x <= box.width && point.y >= 0 && point.y <= box.height)
            }
            for rect in SVGGeometry.rectangles(svg) {
                #expect(rect.x >= 0 && rect.x + rect.width <= box.width && rect.y >= 0 && rect.y + rect.height <= box.height)
            }
        }
    }

    @Test("bars stay inside the view box and scale to their data")
    func bars() throws {
        let snapshot = Fixtures.snapshot()
        for svg in [SVGChart.distribution(snapshot.distribution), SVGChart.modelShare(snapshot.models), SVGChart.modelLatency(snapshot.models)] {
            let box = try #require(SVGGeometry.viewBox(svg))
            let bars = SVGGeometry.rectangles(svg).filter { $0.className.hasPrefix("bar") }
            #expect(!bars.isEmpty)
            for rect in bars {
                #expect(rect.x >= 0 && rect.x + rect.width <= box.width && rect.y >= 0 && rect.y + rect.height <= box.height)
            }
        }
        let share = SVGGeometry.rectangles(SVGChart.modelShare(snapshot.models)).filter { $0.className.hasPrefix("bar") }
        #expect(share.count == 2)
        #expect(abs(share[0].width - 4 * share[1].width) < 0.5)
        let zeroLatency = DashboardModelRow(key: "idle", sharePercent: 0, predictions: 0, averageLatencyMs: 0, status: "loading")
        let idle = SVGGeometry.rectangles(SVGChart.modelLatency([zeroLatency])).filter { $0.className.hasPrefix("bar") }
        #expect(idle.map(\.width) == [0])
    }

    @Test("model keys are escaped inside the SVG")
    func escapedLabels() {
        let row = DashboardModelRow(key: "<script>x</script>", sharePercent: 10, predictions: 1, averageLatencyMs: 1, status: "ready")
        let svg = SVGChart.modelShare([row])
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
    }
}
