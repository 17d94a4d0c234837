import Foundation
import ValenceApp
import ValenceCore

/// The model a local command (`analyze`, `eval`) runs: VADER, or a transformer folder given with `--model-dir` or
/// downloaded for a catalog key (`valence models pull KEY`; VALENCE_MODEL_CACHE, HF_* from the environment).
enum LocalModelChoice {
    case vader
    /// A model folder and the key its predictions are reported under.
    case folder(String, key: String)

    /// `--model-dir` wins; else `--model` (default VADER) is looked up in the catalog and the model cache.
    static func resolve(model: String?, modelDirectory: String?) throws -> LocalModelChoice {
        if let modelDirectory {
            return .folder(modelDirectory, key: URL(fileURLWithPath: modelDirectory).standardizedFileURL.lastPathComponent)
        }
        let name = model ?? VaderSentimentModel.key
        do {
            var configuration = ServeConfiguration()
            try configuration.apply(environment: ProcessInfo.processInfo.environment)
            let cache = try ModelCacheCommands(configuration: configuration, logger: makeProcessLogger())
            guard let folder = try cache.downloadedFolder(name) else { return .vader }
            return .folder(folder.path, key: configuration.catalog.entry(for: name)?.key ?? name)
        } catch let error as ValenceError {
            if case .unknownModel = error {
                throw fail("unknown model '\(name)'; known: \(ModelCatalog().entries.map(\.key).joined(separator: ", ")), "
                           + "or OWNER/NAME[@REVISION] of a downloaded repository, or --model-dir DIR")
            }
            throw fail("\(error)")
        } catch let error as ConfigurationError {
            throw fail(error.description)
        }
    }

    /// Loads the transformer folder of a `.folder` choice, turning load errors into a clear message.
    static func loadTransformer(_ directory: String, key: String? = nil, maxLength: Int?) throws -> TransformerModel {
        do {
            return try TransformerModel(directory: URL(fileURLWithPath: directory, isDirectory: true), name: key, maxLength: maxLength)
        } catch {
            throw fail("model folder \(directory): \(error)")
        }
    }
}
