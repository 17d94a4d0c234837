#!/usr/bin/env python3
"""The peers of `valence bench engine`: PyTorch and ONNX Runtime on the same random base-sized model folder.

    python Benchmarks/engine/peer.py --dir /tmp/valence-bench --model distilbert [--threads 2] [--quick] [--latency-only]
        prints {"PyTorch": {figure: value}, "ONNX Runtime": {...}} (the figure names of the engine's measurement)
    python Benchmarks/engine/peer.py --dir ... --model ... --end-to-end torch|onnx
        one whole-process run over corpus.jsonl: tokenize with HuggingFace `tokenizers`, classify in length-sorted
        batches of 32, keep the labels (timed from outside, as `valence analyze --model-dir` is)

`valence bench engine` writes the folder (config.json, model.safetensors, tokenizer.json, corpus.json, corpus.jsonl)
and runs this script. PyTorch gets torch.set_num_threads(N); ONNX Runtime the model exported with torch.onnx, graph
optimisation ORT_ENABLE_ALL, N intra-op threads. Peers get the id corpus sorted by length before batching (their
best case: least padding); the engine packs batches without padding, so order does not matter to it.

Needs: torch (CPU), transformers, onnx, onnxruntime, tokenizers (and onnxscript for the dynamo exporter).
"""

import argparse
import json
import os
import statistics
import sys
import time

import numpy as np
import torch


def median_seconds(body, runs, warmup=2):
    for _ in range(warmup):
        body()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def padded(batch, pad_id):
    longest = max(len(ids) for ids in batch)
    ids = np.full((len(batch), longest), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), longest), dtype=np.int64)
    for row, sequence in enumerate(batch):
        ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1
    return ids, mask


def measure(run, vocab, corpus, quick, latency_only=False):
    """run(ids, mask) computes logits. Same shapes and run counts as the engine's measurement."""
    rng = np.random.default_rng(7)
    result = {}
    for length in (16, 32, 64, 128):
        ids = rng.integers(5, vocab, size=(1, length), dtype=np.int64)
        mask = np.ones_like(ids)
        runs = 3 if quick else (40 if length <= 32 else 20)
        result[f"latency_ms_{length}"] = median_seconds(lambda: run(ids, mask), runs, 1 if quick else 2) * 1000
    if latency_only:
        return result
    for batch in (8, 32):
        ids = rng.integers(5, vocab, size=(batch, 128), dtype=np.int64)
        mask = np.ones_like(ids)
        runs = 3 if quick else (8 if batch == 8 else 4)
        result[f"throughput_tokens_s_{batch}x128"] = batch * 128 / median_seconds(lambda: run(ids, mask), runs, 1)
    order = sorted(range(len(corpus)), key=lambda i: len(corpus[i]))
    batches = [padded([corpus[i] for i in order[s : s + 32]], pad_id=measure.pad_id) for s in range(0, len(corpus), 32)]

    def corpus_pass():
        for ids, mask in batches:
            run(ids, mask)

    seconds = median_seconds(corpus_pass, 1 if quick else 3, 0)
    result["corpus_texts_s"] = len(corpus) / seconds
    result["corpus_tokens_s"] = sum(len(c) for c in corpus) / seconds
    return result


def rss_mb():
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def export_onnx(model, path, max_len):
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    try:
        torch.onnx.export(
            model, (ids, mask), path, input_names=["input_ids", "attention_mask"], output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "sequence"}, "attention_mask": {0: "batch", 1: "sequence"},
                          "logits": {0: "batch"}},
            opset_version=17, dynamo=False,
        )
    except Exception as legacy_error:  # newer torch: only the dynamo exporter
        print(f"legacy ONNX export failed ({legacy_error}); using dynamo=True", file=sys.stderr)
        batch = torch.export.Dim("batch", min=1, max=256)
        sequence = torch.export.Dim("sequence", min=2, max=max_len)
        torch.onnx.export(
            model, (ids, mask), path, input_names=["input_ids", "attention_mask"], output_names=["logits"],
            dynamic_shapes={"input_ids": {0: batch, 1: sequence}, "attention_mask": {0: batch, 1: sequence}},
            dynamo=True,
        )


def load_torch(folder):
    from transformers import AutoModelForSequenceClassification
    return AutoModelForSequenceClassification.from_pretrained(folder, torch_dtype=torch.float32).eval()


def ort_session(folder, threads):
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    return ort.InferenceSession(os.path.join(folder, "model.onnx"), options, providers=["CPUExecutionProvider"])


def end_to_end(folder, engine, threads):
    """Tokenize and classify corpus.jsonl in one process, as `valence analyze --model-dir` does."""
    from tokenizers import Tokenizer
    with open(os.path.join(folder, "config.json")) as handle:
        pad_id = json.load(handle).get("pad_token_id", 0)
    tokenizer = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    tokenizer.no_padding()  # batches are padded to their longest text below, as in the id corpus
    if engine == "torch":
        model = load_torch(folder)

        def run(ids, mask):
            with torch.inference_mode():
                return model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits.numpy()
    else:
        session = ort_session(folder, threads)

        def run(ids, mask):
            return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    with open(os.path.join(folder, "corpus.jsonl")) as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    encoded = [encoding.ids for encoding in tokenizer.encode_batch(texts)]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    labels = [0] * len(texts)
    for start in range(0, len(order), 32):
        chosen = order[start : start + 32]
        ids, mask = padded([encoded[i] for i in chosen], pad_id)
        for index, row in zip(chosen, run(ids, mask)):
            labels[index] = int(np.argmax(row))
    return labels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="distilbert", choices=["distilbert", "roberta"])
    parser.add_argument("--dir", default="/tmp/valence-bench")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--latency-only", action="store_true")
    parser.add_argument("--end-to-end", choices=["torch", "onnx"])
    arguments = parser.parse_args()
    folder = os.path.join(arguments.dir, f"{arguments.model}-base")
    if not os.path.exists(os.path.join(folder, "model.safetensors")):
        sys.exit(f"{folder} has no model; `valence bench engine` writes it")
    torch.set_num_threads(arguments.threads)
    if arguments.end_to_end:
        end_to_end(folder, arguments.end_to_end, arguments.threads)
        return

    with open(os.path.join(folder, "corpus.json")) as handle:
        corpus = json.load(handle)
    start = time.perf_counter()
    model = load_torch(folder)
    torch_load = time.perf_counter() - start
    measure.pad_id = model.config.pad_token_id
    vocab = model.config.vocab_size

    def torch_run(ids, mask):
        with torch.inference_mode():
            return model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits

    table = {"PyTorch": measure(torch_run, vocab, corpus, arguments.quick, arguments.latency_only)}
    table["PyTorch"]["load_seconds"] = torch_load

    if not os.path.exists(os.path.join(folder, "model.onnx")):
        export_onnx(model, os.path.join(folder, "model.onnx"), model.config.max_position_embeddings - 2)
    start = time.perf_counter()
    session = ort_session(folder, arguments.threads)
    ort_load = time.perf_counter() - start

    def ort_run(ids, mask):
        return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    # Sanity: both peers agree on the random model's logits.
    probe_ids, probe_mask = padded([corpus[0], corpus[1]], measure.pad_id)
    gap = float(np.abs(ort_run(probe_ids, probe_mask) - torch_run(probe_ids, probe_mask).numpy()).max())
    table["ONNX Runtime"] = measure(ort_run, vocab, corpus, arguments.quick, arguments.latency_only)
    table["ONNX Runtime"]["load_seconds"] = ort_load
    print(f"peer: {arguments.model}-base, {arguments.threads} threads; ORT vs PyTorch max |Δlogit| {gap:.2e}; "
          f"python process RSS {rss_mb():.0f} MB", file=sys.stderr)
    print(json.dumps(table))


if __name__ == "__main__":
    main()
