#!/usr/bin/env python3
"""PyTorch and ONNX Runtime on the same base-sized model and shapes as EngineBench.

    swift build -c release --product EngineBench
    python Benchmarks/EngineBench/bench_reference.py --engine .build/release/EngineBench [--model roberta]

With --engine the Swift benchmark runs first (it writes the model folder: config.json,
model.safetensors, corpus.json), then PyTorch (torch.set_num_threads(2)) and ONNX Runtime
(the model exported with torch.onnx, graph optimisation ORT_ENABLE_ALL, 2 intra-op threads)
are measured on the same folder in this process, and one table with ratios is printed.
Peers get the corpus sorted by length before batching (their best case: least padding);
the engine packs batches without padding, so order does not matter to it.

Needs: torch (CPU), transformers, onnx, onnxruntime (and onnxscript for the dynamo exporter).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import torch

THREADS = 2


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


def measure(run, vocab, corpus, quick):
    """run(ids, mask) computes logits. Same shapes and run counts as EngineBench."""
    rng = np.random.default_rng(7)
    result = {}
    for length in (16, 32, 64, 128):
        ids = rng.integers(5, vocab, size=(1, length), dtype=np.int64)
        mask = np.ones_like(ids)
        runs = 3 if quick else (40 if length <= 32 else 20)
        result[f"latency_ms_{length}"] = median_seconds(lambda: run(ids, mask), runs, 1 if quick else 2) * 1000
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="distilbert", choices=["distilbert", "roberta"])
    parser.add_argument("--dir", default="/tmp/valence-bench")
    parser.add_argument("--engine", help="path to the EngineBench binary (release build)")
    parser.add_argument("--quick", action="store_true")
    arguments = parser.parse_args()
    folder = os.path.join(arguments.dir, f"{arguments.model}-base")

    table = {}
    if arguments.engine:
        command = [arguments.engine, arguments.model, "--dir", arguments.dir, "--threads", str(THREADS), "--json"]
        if arguments.quick:
            command.append("--quick")
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        table["ValenceEngine"] = json.loads(output.strip().splitlines()[-1])
    if not os.path.exists(os.path.join(folder, "model.safetensors")):
        sys.exit(f"{folder} has no model; run EngineBench first (or pass --engine)")

    from transformers import AutoModelForSequenceClassification
    import onnxruntime as ort

    torch.set_num_threads(THREADS)
    with open(os.path.join(folder, "corpus.json")) as handle:
        corpus = json.load(handle)

    start = time.perf_counter()
    model = AutoModelForSequenceClassification.from_pretrained(folder, torch_dtype=torch.float32).eval()
    torch_load = time.perf_counter() - start
    measure.pad_id = model.config.pad_token_id
    vocab = model.config.vocab_size

    def torch_run(ids, mask):
        with torch.inference_mode():
            return model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).logits

    table["PyTorch"] = measure(torch_run, vocab, corpus, arguments.quick)
    table["PyTorch"]["load_seconds"] = torch_load

    onnx_path = os.path.join(folder, "model.onnx")
    if not os.path.exists(onnx_path):
        export_onnx(model, onnx_path, model.config.max_position_embeddings - 2)
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    start = time.perf_counter()
    session = ort.InferenceSession(onnx_path, options, providers=["CPUExecutionProvider"])
    ort_load = time.perf_counter() - start

    def ort_run(ids, mask):
        return session.run(None, {"input_ids": ids, "attention_mask": mask})[0]

    # Sanity: both peers agree on the random model's logits.
    probe_ids, probe_mask = padded([corpus[0], corpus[1]], measure.pad_id)
    gap = float(np.abs(ort_run(probe_ids, probe_mask) - torch_run(probe_ids, probe_mask).numpy()).max())
    table["ONNX Runtime"] = measure(ort_run, vocab, corpus, arguments.quick)
    table["ONNX Runtime"]["load_seconds"] = ort_load
    print(f"# {arguments.model}-base, {THREADS} threads; ORT vs PyTorch max |Δlogit| {gap:.2e}; "
          f"python process RSS {rss_mb():.0f} MB", file=sys.stderr)

    keys = [f"latency_ms_{n}" for n in (16, 32, 64, 128)] + [
        "throughput_tokens_s_8x128", "throughput_tokens_s_32x128", "corpus_texts_s", "corpus_tokens_s", "load_seconds"]
    names = list(table)
    print(f"{'metric':32}" + "".join(f"{n:>16}" for n in names)
          + ("   ours/ORT  ours/PyTorch" if "ValenceEngine" in table else ""))
    for key in keys:
        row = f"{key:32}" + "".join(f"{table[n].get(key, float('nan')):16.2f}" for n in names)
        if "ValenceEngine" in table:
            ours = table["ValenceEngine"][key]
            # Ratios read "times better": throughput ours/peer, latency and load time peer/ours.
            better = (lambda peer: peer / ours) if key.startswith(("latency", "load")) else (lambda peer: ours / peer)
            row += f"{better(table['ONNX Runtime'][key]):11.2f}{better(table['PyTorch'][key]):14.2f}"
        print(row)
    if "ValenceEngine" in table:
        engine = table["ValenceEngine"]
        print(f"engine RSS {engine['rss_mb']:.0f} MB for a {engine['weights_mb']:.0f} MB weight file "
              f"({engine['rss_mb'] / engine['weights_mb']:.2f}x); sgemm peak now {engine['sgemm_gflops_4096x768x3072']:.0f} "
              f"GFLOP/s, model linear layers at batch 32x128 {engine['model_gflops_32x128']:.0f} GFLOP/s "
              f"({100 * engine['model_gflops_32x128'] / engine['sgemm_gflops_4096x768x3072']:.0f}% of peak)")


if __name__ == "__main__":
    main()
