#!/usr/bin/env python3
"""Regenerates the tiny end-to-end classifier fixtures (tokenizer + weights + PyTorch reference outputs).

The Swift tests never run Python: they read only the folders this script writes next to itself, and
check ``tokenize -> encoder -> logits`` against what PyTorch ``transformers`` computed here.

    /work/venv-torch/bin/python Tests/ValenceAppTests/Fixtures/models/make_models.py

(any venv with torch (CPU), transformers 5.x, tokenizers 0.23 and safetensors works; the files written
with torch 2.13.0+cpu / transformers 5.24.0 / tokenizers 0.23.3 / safetensors 0.8.0 are committed).
Options: ``--corpus PATH`` (default: Benchmarks/corpus/tweets.jsonl of this repository),
``--out DIR`` (default: the folder holding this script).

What it writes, one HuggingFace-layout folder per model:

* ``tiny-bert-wordpiece/``: WordPiece tokenizer (BertNormalizer lowercasing, BertPreTokenizer,
  ``[CLS] $A [SEP]`` template; ``[PAD]`` = 0) and a ``BertForSequenceClassification``
  (3 labels: negative / neutral / positive).
* ``tiny-roberta-bpe/``: byte-level BPE tokenizer in the RoBERTa layout (``<s> <pad> </s> <unk> <mask>``
  = 0..4, ``<mask>`` with lstrip as in roberta-base, ByteLevel without prefix space,
  RobertaProcessing) and a ``RobertaForSequenceClassification`` (2 labels: NEGATIVE / POSITIVE).
* ``tiny-xlmr-unigram/``: Unigram tokenizer (``tokenizers.SentencePieceUnigramTokenizer``: Nmt + NFKC +
  space-collapsing normalizer, Metaspace pre-tokenizer; ``<s> <pad> </s> <unk>`` = 0..3,
  ``<s> $A </s>`` template) and an ``XLMRobertaForSequenceClassification`` (5 labels: 1 star .. 5 stars).

Each folder holds:

* ``tokenizer.json``: trained here on the corpus (vocab ~1,000); truncation and padding unset.
* ``tokenizer_config.json``: ``model_max_length`` 64 (the default max length) and the special tokens.
* ``config.json`` + ``model.safetensors`` (float32): hidden 32, 2 layers, 4 heads, intermediate 64,
  64 positions (66 for the RoBERTa-style models: 64 + padding offset 2). Every parameter is drawn
  from N(0, 0.5^2) after construction, so no bias is zero and no LayerNorm weight is one.
* ``expected.jsonl``: one JSON object a line, ``{"text", "input_ids", "logits", "probabilities"}`` for
  the same 42 texts in every folder: 22 corpus tweets spread over the length distribution and 20
  adversarial strings (empty, whitespace only, ZWJ emoji, accents precomposed and decomposed, CJK /
  Arabic / Devanagari, zero-width and control characters, full-width forms, literal special tokens such
  as ``<mask>``, ``[SEP]``, ``[PAD]``, ``<pad>``, and four long tweets joined, far over 64 tokens).
  ``input_ids`` are ``Tokenizer.from_file("tokenizer.json")`` with ``enable_truncation(max_length=64)``;
  ``logits`` are the float32 model in ``eval()`` mode run on one text at a time (batch 1, attention mask
  all ones, token type ids 0); ``probabilities`` are their softmax. Floats are written with Python's
  shortest round-trip repr of the float32 values.

``tiny-bert-wordpiece/batch_expected.json`` additionally holds one batch of 8 texts of mixed lengths padded
with ``[PAD]`` (attention mask 0 on pads) run through the model together; the script asserts that its
logits agree with the one-at-a-time logits within 1e-5.

Traps the Swift side must handle to match (all deliberate, all covered by expected.jsonl):

* a literal ``<pad>`` in the text is encoded as the pad id (1) with attention mask 1; RoBERTa / XLM-R then
  give it position id ``padding_idx`` and do not count it (positions = cumsum(ids != pad) + pad), so
  numbering positions 2, 3, ... regardless changes those logits by ~0.07-0.2;
* Unigram fuses a run of unknown characters (e.g. CJK absent from the corpus) into one ``<unk>`` id;
* ``<mask>`` (RoBERTa) has lstrip: it swallows the spaces before it;
* the tokenizers pad id ``[PAD]`` = 0 / ``<pad>`` = 1 equals config.json ``pad_token_id``.

The tokenizers trainers are not deterministic by themselves (Rust HashMap order): the WordPiece vocabulary
is renumbered canonically (segmentation depends only on the set of tokens) and the Unigram scores are
rounded to 8 decimals and sorted; each tokenizer is trained twice and the script fails if the two differ.

Deterministic: fixed seeds, single-threaded tokenizers training and torch, sorted iteration, JSON
with sorted keys; running it twice gives byte-identical files. Training takes a few seconds.
"""

import argparse
import hashlib
import json
import os
import random
import sys

# Single-threaded tokenizers (training sums floats in parallel otherwise) -- before importing it.
os.environ["TOKENIZERS_PARALLELISM"] = "false"
os.environ["RAYON_NUM_THREADS"] = "1"

import torch  # noqa: E402
import transformers  # noqa: E402
from tokenizers import AddedToken, Tokenizer, SentencePieceUnigramTokenizer  # noqa: E402
from tokenizers import decoders, models, normalizers, pre_tokenizers, processors, trainers  # noqa: E402
from transformers import (  # noqa: E402
    BertConfig,
    BertForSequenceClassification,
    RobertaConfig,
    RobertaForSequenceClassification,
    XLMRobertaConfig,
    XLMRobertaForSequenceClassification,
)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "../../../../Benchmarks/corpus/tweets.jsonl"))

MAX_LENGTH = 64
VOCAB_SIZE = 1000
INIT_STD = 0.5
SEED = 20240611
BATCH_TOLERANCE = 1e-5

ARCH = dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64)

# ---------------------------------------------------------------------------------------------------
# Texts


def load_corpus(path):
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                texts.append(json.loads(line)["text"])
    return texts


def corpus_picks(texts, count=22):
    """`count` distinct tweets spread evenly over the length distribution (shortest and longest included)."""
    unique = sorted(set(texts), key=lambda t: (len(t), t))
    picks = []
    for i in range(count):
        t = unique[round(i * (len(unique) - 1) / (count - 1))]
        if t not in picks:
            picks.append(t)
    # A seeded shuffle so the file is not sorted by length.
    random.Random(SEED).shuffle(picks)
    return picks


def adversarial_texts(texts):
    # The 2nd..5th longest tweets joined (~680 chars, far over 64 tokens); the longest is a corpus pick.
    long_text = " ".join(sorted(set(texts), key=lambda t: (-len(t), t))[1:5])
    return [
        "",
        "   \t\n  ",
        "a",
        "👩‍👩‍👧‍👦 family day!! 👨🏽‍💻 coding 🏳️‍🌈",
        "Crème brûlée à la café — naïve façade, São Paulo, Øresund",
        "cafe\u0301 vs café (decomposed vs precomposed)",
        "東京は素晴らしい！我爱你 😍 서울 좋아요",
        "مرحبا بالعالم and नमस्ते दुनिया",
        "I really <mask> this movie",
        "so <mask><mask>   <mask> good</s><s>",
        "[SEP] is not [CLS] a [MASK] [sep] [PAD]",
        "<s>hello</s> <pad> <unk> ▁spaces",
        "  leading and trailing spaces  ",
        "good    bad\t\tugly\n\nfine",
        "zero\u200bwidth\u00a0nbsp\u0000null\ufeffbom",
        "ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ １２３ ﬁne ½",
        "@user http://t.co/AbC123 #blessed #NoFilter $TSLA",
        "!!!???... :-) :(( <3 ;D xD",
        "LMAO I CAN'T EVEN 😂😂😂😂😂😂",
        long_text,
    ]


# ---------------------------------------------------------------------------------------------------
# Tokenizers


def train_wordpiece(texts):
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", continuing_subword_prefix="##", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece(prefix="##")
    trainer = trainers.WordPieceTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=2,
        special_tokens=specials,
        limit_alphabet=200,
        continuing_subword_prefix="##",
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer, length=len(texts))
    # The trainer numbers the "##x" alphabet in Rust HashMap order, which changes from run to run.
    # WordPiece segmentation depends only on the set of tokens, so renumber canonically:
    # specials, then by (length without "##", text, continuation last).
    trained = json.loads(tok.to_str())["model"]["vocab"]
    rest = sorted((t for t in trained if t not in specials),
                  key=lambda t: (len(t[2:]) if t.startswith("##") else len(t),
                                 t[2:] if t.startswith("##") else t, t.startswith("##")))
    vocab = {t: i for i, t in enumerate(specials + rest)}
    tok.model = models.WordPiece(vocab, unk_token="[UNK]", continuing_subword_prefix="##",
                                 max_input_chars_per_word=100)
    ids = {s: tok.token_to_id(s) for s in specials}
    assert [ids[s] for s in specials] == list(range(5)), ids
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        pair="[CLS] $A [SEP] $B:1 [SEP]:1",
        special_tokens=[("[CLS]", ids["[CLS]"]), ("[SEP]", ids["[SEP]"])],
    )
    config = {
        "tokenizer_class": "BertTokenizer",
        "model_max_length": MAX_LENGTH,
        "do_lower_case": True,
        "clean_up_tokenization_spaces": False,
        "unk_token": "[UNK]",
        "sep_token": "[SEP]",
        "pad_token": "[PAD]",
        "cls_token": "[CLS]",
        "mask_token": "[MASK]",
    }
    return tok, config, ids["[PAD]"]


def train_bytelevel_bpe(texts):
    specials = [
        AddedToken("<s>", special=True),
        AddedToken("<pad>", special=True),
        AddedToken("</s>", special=True),
        AddedToken("<unk>", special=True),
        AddedToken("<mask>", lstrip=True, special=True),  # as roberta-base
    ]
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=2,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer, length=len(texts))
    names = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    assert [tok.token_to_id(s) for s in names] == list(range(5))
    tok.post_processor = processors.RobertaProcessing(("</s>", 2), ("<s>", 0), trim_offsets=True, add_prefix_space=False)
    config = {
        "tokenizer_class": "RobertaTokenizer",
        "model_max_length": MAX_LENGTH,
        "add_prefix_space": False,
        "trim_offsets": True,
        "clean_up_tokenization_spaces": False,
        "bos_token": "<s>",
        "eos_token": "</s>",
        "sep_token": "</s>",
        "cls_token": "<s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
        "mask_token": "<mask>",
    }
    return tok, config, 1


def train_unigram(texts):
    names = ["<s>", "<pad>", "</s>", "<unk>"]
    spm = SentencePieceUnigramTokenizer()
    spm.train_from_iterator(
        texts,
        vocab_size=VOCAB_SIZE,
        show_progress=False,
        special_tokens=names,
        unk_token="<unk>",
        length=len(texts),
    )
    tok = spm._tokenizer  # the underlying tokenizers.Tokenizer
    # The trainer's EM sums floats in Rust HashMap order, so the last digits of the scores change from
    # run to run. Round them and order the pieces canonically: specials, then by score, then text.
    trained = json.loads(tok.to_str())["model"]["vocab"]
    scores = {piece: round(score, 8) for piece, score in trained}
    rest = sorted((p for p in scores if p not in names), key=lambda p: (-scores[p], p))
    vocab = [(p, scores[p]) for p in names + rest]
    tok.model = models.Unigram(vocab, unk_id=names.index("<unk>"), byte_fallback=False)
    assert [tok.token_to_id(s) for s in names] == list(range(4))
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", 0), ("</s>", 2)],
    )
    config = {
        # The generic fast class: XLMRobertaTokenizer would add a <mask> this vocabulary does not have.
        "tokenizer_class": "PreTrainedTokenizerFast",
        "model_max_length": MAX_LENGTH,
        "clean_up_tokenization_spaces": False,
        "bos_token": "<s>",
        "eos_token": "</s>",
        "sep_token": "</s>",
        "cls_token": "<s>",
        "unk_token": "<unk>",
        "pad_token": "<pad>",
    }
    return tok, config, 1


# ---------------------------------------------------------------------------------------------------
# Models


def randomize(model, seed):
    """Every parameter ~ N(0, INIT_STD^2), drawn in sorted-name order from a seeded generator."""
    gen = torch.Generator().manual_seed(seed)
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name in sorted(params):
            p = params[name]
            p.copy_(torch.randn(p.shape, generator=gen, dtype=torch.float32) * INIT_STD)
    return model


def build_model(kind, vocab_size, pad_id, seed):
    torch.manual_seed(seed)
    if kind == "bert":
        labels = ["negative", "neutral", "positive"]
        cfg = BertConfig(
            vocab_size=vocab_size, max_position_embeddings=MAX_LENGTH, type_vocab_size=2,
            pad_token_id=pad_id, **ARCH,
        )
        cls = BertForSequenceClassification
    elif kind == "roberta":
        labels = ["NEGATIVE", "POSITIVE"]
        cfg = RobertaConfig(
            vocab_size=vocab_size, max_position_embeddings=MAX_LENGTH + 2, type_vocab_size=1,
            pad_token_id=pad_id, bos_token_id=0, eos_token_id=2, layer_norm_eps=1e-5, **ARCH,
        )
        cls = RobertaForSequenceClassification
    elif kind == "xlmr":
        labels = ["1 star", "2 stars", "3 stars", "4 stars", "5 stars"]
        cfg = XLMRobertaConfig(
            vocab_size=vocab_size, max_position_embeddings=MAX_LENGTH + 2, type_vocab_size=1,
            pad_token_id=pad_id, bos_token_id=0, eos_token_id=2, layer_norm_eps=1e-5, **ARCH,
        )
        cls = XLMRobertaForSequenceClassification
    else:
        raise ValueError(kind)
    cfg.num_labels = len(labels)
    cfg.id2label = {i: l for i, l in enumerate(labels)}
    cfg.label2id = {l: i for i, l in enumerate(labels)}
    cfg._attn_implementation = "eager"
    model = cls(cfg).to(torch.float32)
    randomize(model, seed)
    return model.eval()


def run(model, ids_batch, mask_batch):
    ids = torch.tensor(ids_batch, dtype=torch.long)
    mask = torch.tensor(mask_batch, dtype=torch.long)
    kwargs = {"input_ids": ids, "attention_mask": mask}
    if isinstance(model, BertForSequenceClassification):
        kwargs["token_type_ids"] = torch.zeros_like(ids)
    with torch.no_grad():
        logits = model(**kwargs).logits.to(torch.float32)
    probs = torch.softmax(logits, dim=-1)
    return logits, probs


def floats(t):
    return [float(x) for x in t.tolist()]


# ---------------------------------------------------------------------------------------------------
# Output


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")


def make_folder(out_dir, name, kind, tok, tok_config, pad_id, texts, seed):
    folder = os.path.join(out_dir, name)
    os.makedirs(folder, exist_ok=True)
    for stale in ("tokenizer.json", "tokenizer_config.json", "config.json", "model.safetensors",
                  "expected.jsonl", "batch_expected.json"):
        if os.path.exists(os.path.join(folder, stale)):
            os.remove(os.path.join(folder, stale))

    assert tok.truncation is None and tok.padding is None
    tok.save(os.path.join(folder, "tokenizer.json"), pretty=True)
    write_json(os.path.join(folder, "tokenizer_config.json"), tok_config)

    # Tokenize exactly as the Swift side must: the saved file, truncation to 64, no padding.
    reloaded = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
    reloaded.enable_truncation(max_length=MAX_LENGTH)
    vocab_size = reloaded.get_vocab_size(with_added_tokens=True)
    assert tok.token_to_id(tok_config["pad_token"]) == pad_id

    model = build_model(kind, vocab_size, pad_id, seed)
    model.save_pretrained(folder)
    for extra in sorted(os.listdir(folder)):  # save_pretrained may add e.g. generation_config.json
        assert extra in ("tokenizer.json", "tokenizer_config.json", "config.json", "model.safetensors"), extra

    # Reload from disk, so the references come from exactly the committed weights.
    model = type(model).from_pretrained(folder, dtype=torch.float32, attn_implementation="eager").eval()
    sdpa = type(model).from_pretrained(folder, dtype=torch.float32, attn_implementation="sdpa").eval()

    rows, singles, stats = [], {}, {"truncated": [], "unk": 0, "lengths": []}
    for text in texts:
        enc = reloaded.encode(text)
        ids = list(enc.ids)
        assert max(ids) < vocab_size and len(ids) <= MAX_LENGTH
        logits, probs = run(model, [ids], [[1] * len(ids)])
        logits2, _ = run(sdpa, [ids], [[1] * len(ids)])
        assert torch.allclose(logits, logits2, atol=1e-5, rtol=0), (name, text)
        rows.append({"text": text, "input_ids": ids, "logits": floats(logits[0]),
                     "probabilities": floats(probs[0])})
        singles[text] = logits[0]
        if enc.overflowing:
            stats["truncated"].append(text)
        stats["lengths"].append(len(ids))
        # By id: Unigram fuses a run of unknown characters into one <unk> whose token string is the run.
        stats["unk"] += ids.count(reloaded.token_to_id(tok_config["unk_token"]))
        stats.setdefault("by_text", {})[text] = enc.tokens

    with open(os.path.join(folder, "expected.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    if kind == "bert":
        write_batch(folder, reloaded, model, pad_id, texts, singles)

    return {"name": name, "folder": folder, "vocab_size": vocab_size, "count": len(rows), **stats}


def write_batch(folder, tok, model, pad_id, texts, singles):
    """8 texts of mixed lengths, padded to the longest with [PAD], run through the model together."""
    by_len = sorted(texts, key=lambda t: (len(tok.encode(t).ids), t))
    picks = [by_len[round(i * (len(by_len) - 1) / 7)] for i in range(8)]
    random.Random(SEED + 1).shuffle(picks)
    encs = [tok.encode(t).ids for t in picks]
    width = max(len(e) for e in encs)
    ids = [e + [pad_id] * (width - len(e)) for e in encs]
    mask = [[1] * len(e) + [0] * (width - len(e)) for e in encs]
    logits, probs = run(model, ids, mask)
    worst = 0.0
    for i, text in enumerate(picks):
        diff = (logits[i] - singles[text]).abs().max().item()
        worst = max(worst, diff)
        assert diff <= BATCH_TOLERANCE, (text, diff)
    write_json(os.path.join(folder, "batch_expected.json"), {
        "texts": picks,
        "pad_token_id": pad_id,
        "input_ids": ids,
        "attention_mask": mask,
        "logits": [floats(row) for row in logits],
        "probabilities": [floats(row) for row in probs],
        "tolerance": BATCH_TOLERANCE,
    })
    print(f"  batch of 8 (padded to {width}): max |batch - single| logit difference = {worst:.3g}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()

    torch.set_num_threads(1)
    transformers.utils.logging.disable_progress_bar()
    torch.use_deterministic_algorithms(True)
    random.seed(SEED)
    torch.manual_seed(SEED)

    corpus = load_corpus(args.corpus)
    texts = corpus_picks(corpus) + adversarial_texts(corpus)
    assert len(set(texts)) == len(texts)

    specs = [
        ("tiny-bert-wordpiece", "bert", train_wordpiece),
        ("tiny-roberta-bpe", "roberta", train_bytelevel_bpe),
        ("tiny-xlmr-unigram", "xlmr", train_unigram),
    ]
    results = []
    for i, (name, kind, train) in enumerate(specs):
        print(f"{name}:")
        tok, tok_config, pad_id = train(corpus)
        # Train a second time: the canonical tokenizer must not depend on the run.
        if tok.to_str() != train(corpus)[0].to_str():
            sys.exit(f"{name}: tokenizer training is not deterministic")
        results.append(make_folder(args.out, name, kind, tok, tok_config, pad_id, texts, SEED + 100 * i))

    print()
    total = 0
    for r in results:
        print(f"{r['name']}: vocab {r['vocab_size']}, {r['count']} texts, "
              f"lengths {min(r['lengths'])}..{max(r['lengths'])}, {r['unk']} unknown tokens, "
              f"{len(r['truncated'])} truncated")
        for t in r["truncated"]:
            print(f"    truncated: {t[:60]!r}...")
        for t in ("", "   \t\n  "):
            print(f"    {t!r} -> {r['by_text'][t]}")
        for fn in sorted(os.listdir(r["folder"])):
            path = os.path.join(r["folder"], fn)
            size = os.path.getsize(path)
            total += size
            digest = hashlib.sha256(open(path, "rb").read()).hexdigest()[:12]
            print(f"    {fn:24s} {size:8d} bytes  sha256 {digest}")
    print(f"total {total} bytes")
    if total > 1_500_000:
        sys.exit(f"fixtures are {total} bytes, over the 1.5 MB budget")


if __name__ == "__main__":
    main()
