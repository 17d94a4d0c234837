import Foundation
import Testing
@testable import ValenceModels

@Suite("Model service metrics")
struct ModelServiceMetricsTests {
    func recorded() -> ModelServiceMetrics {
        let metrics = ModelServiceMetrics()
        metrics.recordRequest(model: "distilbert-sentiment", outcome: .ok)
        metrics.recordRequest(model: "distilbert-sentiment", outcome: .ok)
        metrics.recordRequest(model: "distilbert-sentiment", outcome: .overloaded)
        metrics.recordBatch(model: "distilbert-sentiment", size: 3, duration: .milliseconds(20))
        metrics.recordBatch(model: "distilbert-sentiment", size: 40, duration: .milliseconds(250))
        metrics.setQueueDepth(model: "distilbert-sentiment", depth: 5)
        return metrics
    }

    @Test("Prometheus text matches the golden exposition")
    func prometheusGolden() {
        let golden = """
        # HELP valence_model_requests_total Requests to a model by outcome.
        # TYPE valence_model_requests_total counter
        valence_model_requests_total{model="distilbert-sentiment",outcome="ok"} 2
        valence_model_requests_total{model="distilbert-sentiment",outcome="overloaded"} 1
        # HELP valence_inference_duration_seconds Duration of one forward pass, in seconds.
        # TYPE valence_inference_duration_seconds histogram
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.005"} 0
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.01"} 0
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.025"} 1
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.05"} 1
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.1"} 1
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.25"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="0.5"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="1"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="2.5"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="5"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="10"} 2
        valence_inference_duration_seconds_bucket{model="distilbert-sentiment",le="+Inf"} 2
        valence_inference_duration_seconds_sum{model="distilbert-sentiment"} 0.27
        valence_inference_duration_seconds_count{model="distilbert-sentiment"} 2
        # HELP valence_batch_size Texts per forward pass.
        # TYPE valence_batch_size histogram
        valence_batch_size_bucket{model="distilbert-sentiment",le="1"} 0
        valence_batch_size_bucket{model="distilbert-sentiment",le="2"} 0
        valence_batch_size_bucket{model="distilbert-sentiment",le="4"} 1
        valence_batch_size_bucket{model="distilbert-sentiment",le="8"} 1
        valence_batch_size_bucket{model="distilbert-sentiment",le="16"} 1
        valence_batch_size_bucket{model="distilbert-sentiment",le="32"} 1
        valence_batch_size_bucket{model="distilbert-sentiment",le="64"} 2
        valence_batch_size_bucket{model="distilbert-sentiment",le="128"} 2
        valence_batch_size_bucket{model="distilbert-sentiment",le="+Inf"} 2
        valence_batch_size_sum{model="distilbert-sentiment"} 43
        valence_batch_size_count{model="distilbert-sentiment"} 2
        # HELP valence_queue_depth Texts waiting for a model.
        # TYPE valence_queue_depth gauge
        valence_queue_depth{model="distilbert-sentiment"} 5

        """
        #expect(recorded().prometheusText() == golden)
    }

    @Test("label values are escaped; no series yet renders only the headers")
    func escapingAndEmpty() {
        #expect(ModelServiceMetrics.escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
        let empty = ModelServiceMetrics().prometheusText()
        #expect(empty.split(separator: "\n").allSatisfy { $0.hasPrefix("# ") })
    }

    @Test("the JSON snapshot carries the same figures and round-trips")
    func jsonSnapshot() throws {
        let snapshot = recorded().snapshot()
        let model = try #require(snapshot.models.first)
        #expect(snapshot.models.count == 1 && model.model == "distilbert-sentiment")
        #expect(model.requests == ["ok": 2, "overloaded": 1] && model.queueDepth == 5)
        #expect(model.batchSize.count == 2 && model.batchSize.sum == 43)
        #expect(model.batchSize.buckets.map(\.count) == [0, 0, 1, 1, 1, 1, 2, 2])
        #expect(model.inferenceDurationSeconds.buckets.first { $0.le == 0.025 }?.count == 1)
        let data = try JSONEncoder().encode(snapshot)
        #expect(try JSONDecoder().decode(ModelServiceMetricsSnapshot.self, from: data) == snapshot)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let models = try #require(object["models"] as? [[String: Any]])
        #expect(models.first?["queue_depth"] as? Int == 5)
    }
}
