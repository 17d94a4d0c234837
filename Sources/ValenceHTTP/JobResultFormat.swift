/// The formats GET /jobs/{id}/results writes (`?format=`).
enum JobResultFormat: String {
    case jsonl, csv

    var contentType: String {
        switch self {
        case .jsonl: "application/x-ndjson; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
