"""The peer of `valence bench vader`: the same job as `valence analyze --model vader`, in Python.

usage: peer.py INPUT.jsonl OUTPUT.jsonl
Reads JSONL records, adds sentiment, confidence, model and scores exactly as valence does, writes JSONL.
Needs vaderSentiment 3.3.2 (pip install vaderSentiment==3.3.2).
"""
import json
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer


def main(source, target):
    analyzer = SentimentIntensityAnalyzer()
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            scores = analyzer.polarity_scores(record["text"])
            compound = scores["compound"]
            if compound >= 0.05:
                sentiment, confidence = "positive", abs(compound)
            elif compound <= -0.05:
                sentiment, confidence = "negative", abs(compound)
            else:
                sentiment, confidence = "neutral", 1 - abs(compound)
            record.update(sentiment=sentiment, confidence=confidence, model="vader", scores=scores)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
