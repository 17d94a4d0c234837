/// The OpenAPI 3.1 description of the gateway's routes (served at /openapi.json, rendered at /docs).
/// `OpenAPIDocumentTests` checks that it and the router name the same operations.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Valence",
        "version": "0.1.0",
        "description": "Sentiment analysis for social-media text. Every answer is stored; when a requested model cannot answer, VADER answers with fallback_used true."
      },
      "paths": {
        "/predict": {
          "post": {
            "operationId": "predict",
            "summary": "Score one text",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PredictRequest"}}}},
            "responses": {
              "200": {"description": "The prediction", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PredictResponse"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/predict/batch": {
          "post": {
            "operationId": "predictBatch",
            "summary": "Score many texts with one model",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}}}},
            "responses": {
              "200": {"description": "One result per text, in order", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BatchResponse"}}}},
              "400": {"$ref": "#/components/responses/Error"},
              "404": {"$ref": "#/components/responses/Error"},
              "413": {"$ref": "#/components/responses/Error"},
              "422": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/analytics": {
          "get": {
            "operationId": "analytics",
            "summary": "Totals, sentiment distribution (percent), model usage (percent), latency (mean, p50, p95) of stored predictions; with bucket a trend, with from and to the change against the previous period",
            "parameters": [
              {"name": "from", "in": "query", "description": "ISO-8601 time or epoch seconds (inclusive)", "schema": {"type": "string"}},
              {"name": "to", "in": "query", "description": "ISO-8601 time or epoch seconds (exclusive)", "schema": {"type": "string"}},
              {"name": "source", "in": "query", "schema": {"type": "string"}},
              {"name": "model", "in": "query", "schema": {"type": "string"}},
              {"name": "bucket", "in": "query", "schema": {"type": "string", "enum": ["minute", "hour", "day", "week"]}}
            ],
            "responses": {
              "200": {"description": "Analytics", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Analytics"}}}},
              "422": {"$ref": "#/components/responses/Error"},
              "503": {"$ref": "#/components/responses/Error"}
            }
          }
        },
        "/alerts": {
          "get": {
            "operationId": "listAlerts",
            "summary": "Active and recent alerts",
            "responses": {"200": {"description": "Alerts", "content": {"application/json": {"schema": {"type": "object", "required": ["alerts"], "properties": {"alerts": {"type": "array", "items": {"type": "object"}}}}}}}}
          }
        },
        "/alerts/{id}/acknowledge": {
          "post": {
            "operationId": "acknowledgeAlert",
            "summary": "Acknowledge an alert (admin)",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
            "security": [{"apiKey": []}],
            "responses": {"200": {"description": "The acknowledged alert"}, "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/jobs": {
          "get": {
            "operationId": "listJobs",
            "summary": "Batch jobs, newest first",
            "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}, {"name": "page_size", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "A page of jobs"}}
          },
          "post": {
            "operationId": "submitJob",
            "summary": "Submit a job: application/json {texts, model?, source?}, or a JSONL or CSV (header row; text/csv or format=csv) upload, streamed, with query parameters format, text_field, model, source",
            "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["jsonl", "csv"]}}, {"name": "text_field", "in": "query", "schema": {"type": "string"}}, {"name": "model", "in": "query", "schema": {"type": "string"}}, {"name": "source", "in": "query", "schema": {"type": "string"}}],
            "responses": {"202": {"description": "The queued job"}, "422": {"$ref": "#/components/responses/Error"}}
          }
        },
        "/jobs/{id}": {
          "get": {"operationId": "job", "summary": "A job's state, counts, progress and timings", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "The job"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/jobs/{id}/results": {
          "get": {"operationId": "jobResults", "summary": "Results in input order, streamed: JSONL (input fields kept) or CSV (an uploaded CSV file's columns kept)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["jsonl", "csv"]}}], "responses": {"200": {"description": "Results"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/jobs/{id}/cancel": {
          "post": {"operationId": "cancelJob", "summary": "Cancel a queued or running job", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "The cancelled job"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/sources": {
          "get": {"operationId": "listSources", "summary": "Live sources (Reddit, RSS/Atom) and their polling state", "responses": {"200": {"description": "Sources"}}},
          "post": {"operationId": "addSource", "summary": "Add a source (admin): {kind: reddit|feed, name, subreddit | url, poll_interval_seconds?, include_comments?, max_items_per_poll?, enabled?}", "security": [{"apiKey": []}], "responses": {"201": {"description": "The source"}, "401": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
        },
        "/sources/{id}": {
          "get": {"operationId": "source", "summary": "One source", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "The source"}, "404": {"$ref": "#/components/responses/Error"}}},
          "delete": {"operationId": "deleteSource", "summary": "Remove a source (admin)", "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "security": [{"apiKey": []}], "responses": {"204": {"description": "Removed"}, "404": {"$ref": "#/components/responses/Error"}}}
        },
        "/health": {
          "get": {"operationId": "health", "summary": "Liveness", "responses": {"200": {"description": "Alive"}}}
        },
        "/status": {
          "get": {"operationId": "status", "summary": "Models, fallback reasons, circuit breaker, database and write buffer", "responses": {"200": {"description": "Status"}}}
        },
        "/db/health": {
          "get": {"operationId": "databaseHealth", "summary": "Database round trip", "responses": {"200": {"description": "Reachable"}, "503": {"description": "Unreachable"}}}
        },
        "/failsafe/status": {
          "get": {"operationId": "failsafeStatus", "summary": "Circuit breaker state and counts", "responses": {"200": {"description": "Breaker status", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FailsafeStatus"}}}}}}
        },
        "/failsafe/reset": {
          "post": {"operationId": "failsafeReset", "summary": "Close the circuit breaker (admin)", "security": [{"apiKey": []}], "responses": {"200": {"description": "Breaker status after the reset"}, "401": {"$ref": "#/components/responses/Error"}}}
        },
        "/docs": {
          "get": {"operationId": "docs", "summary": "This documentation as HTML", "responses": {"200": {"description": "HTML"}}}
        },
        "/openapi.json": {
          "get": {"operationId": "openapi", "summary": "This OpenAPI document", "responses": {"200": {"description": "OpenAPI 3.1"}}}
        },
        "/dashboard": {
          "get": {"operationId": "dashboard", "summary": "The live dashboard (last 24 hours) as HTML", "responses": {"200": {"description": "HTML"}}}
        },
        "/dashboard/events": {
          "get": {"operationId": "dashboardEvents", "summary": "The dashboard's server-sent events: event snapshot, data {panel id: HTML}, every 2 s, at most 10 min per stream", "responses": {"200": {"description": "text/event-stream"}}}
        }
      },
      "components": {
        "securitySchemes": {"apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
        "responses": {
          "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        },
        "schemas": {
          "Error": {
            "type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"}}}}
          },
          "PredictRequest": {
            "type": "object", "required": ["text"],
            "properties": {"text": {"type": "string", "description": "May be empty"}, "model": {"type": "string", "description": "A catalog key; omitted: the default model"}}
          },
          "BatchRequest": {
            "type": "object", "required": ["texts"],
            "properties": {"texts": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 1000}, "model": {"type": "string"}}
          },
          "Scores": {"type": "object", "additionalProperties": {"type": "number"}, "description": "One probability per label; for VADER neg, neu, pos, compound"},
          "Sentiment": {"type": "string", "description": "positive, negative, neutral, or the label name of a model with other labels"},
          "PredictResponse": {
            "type": "object",
            "required": ["sentiment", "confidence", "model_used", "processing_time_ms", "fallback_used", "timestamp", "scores", "request_id"],
            "properties": {
              "sentiment": {"$ref": "#/components/schemas/Sentiment"},
              "confidence": {"type": "number", "minimum": 0, "maximum": 1},
              "model_used": {"type": "string"},
              "processing_time_ms": {"type": "number"},
              "fallback_used": {"type": "boolean"},
              "timestamp": {"type": "string", "format": "date-time"},
              "scores": {"$ref": "#/components/schemas/Scores"},
              "request_id": {"type": "string"}
            }
          },
          "BatchResponse": {
            "type": "object",
            "required": ["results", "model_used", "total_processing_time_ms", "batch_size", "fallback_used"],
            "properties": {
              "results": {"type": "array", "items": {"type": "object", "required": ["sentiment", "confidence", "scores"], "properties": {"sentiment": {"$ref": "#/components/schemas/Sentiment"}, "confidence": {"type": "number"}, "scores": {"$ref": "#/components/schemas/Scores"}}}},
              "model_used": {"type": "string"},
              "total_processing_time_ms": {"type": "number"},
              "batch_size": {"type": "integer"},
              "fallback_used": {"type": "boolean"}
            }
          },
          "Analytics": {
            "type": "object",
            "required": ["total_predictions", "sentiment_distribution", "model_usage", "average_response_time", "circuit_breaker_activations", "last_updated"],
            "properties": {
              "total_predictions": {"type": "integer"},
              "sentiment_distribution": {"type": "object", "properties": {"positive": {"type": "number"}, "negative": {"type": "number"}, "neutral": {"type": "number"}}},
              "model_usage": {"type": "object", "additionalProperties": {"type": "number"}},
              "average_response_time": {"type": "number", "description": "milliseconds"},
              "fallback_answers": {"type": "integer"},
              "circuit_breaker_activations": {"type": "integer"},
              "last_prediction_at": {"type": "string", "format": "date-time"},
              "last_updated": {"type": "string", "format": "date-time"}
            }
          },
          "FailsafeStatus": {
            "type": "object", "required": ["state"],
            "properties": {"state": {"type": "string", "enum": ["closed", "open", "half_open"]}, "failure_count": {"type": "integer"}, "activations": {"type": "integer"}, "fallback_answers": {"type": "integer"}, "last_transitions": {"type": "array"}}
          }
        }
      }
    }
    """#
}
