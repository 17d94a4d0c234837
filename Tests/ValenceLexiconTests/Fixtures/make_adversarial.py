#!/usr/bin/env python3
"""Regenerate adversarial.vader-reference.jsonl next to this script.

Each line is {"id", "text", "neg", "neu", "pos", "compound"} as computed by the installed
vaderSentiment 3.3.2 (PyPI). The Swift tests only read the resulting file.

The reference was generated with CPython 3.11 (Unicode 14.0.0); CPython 3.12+ sums floats with
compensated summation and ships a newer Unicode database, so regenerate with 3.11.

    python3 make_adversarial.py
"""
import json
import os
import random
import sys
from importlib.metadata import version

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

assert version("vaderSentiment") == "3.3.2", version("vaderSentiment")

SEED = 20240611
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "adversarial.vader-reference.jsonl")

# --- hand-written cases -----------------------------------------------------------------------

HAND = [
    # empty and whitespace-only
    "", " ", "   ", "\t", "\n", "\r\n", " \t\n\r\x0b\x0c ", "\u00a0", "\u2003", "\u3000", "\u200b",
    "\x1c\x1d\x1e\x1f", "\u0085", "\u2028\u2029", "\ufeff",
    # emoji only / emoji with ZWJ, skin tones, variation selectors, flags, keycaps
    "😀", "😀😀😀", "😡", "💔", "👍", "👍🏽", "👍🏿👎🏻", "👩‍❤️‍👨", "👨‍👩‍👧‍👦", "🏳️‍🌈", "❤️", "❤", "❤️❤️",
    "🇺🇸", "🇬🇧🇫🇷", "#️⃣", "1️⃣ 2️⃣", "©", "®", "™", "😀good", "good😀", "good 😀 bad", "😀 😡",
    "I ❤️ you", "I ❤ you", "great😂😂", "😂!!!", "🙂🙃", "not 😀", "very 😀", "😀 but 😡",
    "no 😀", "😀\t😀", "😀\n😡", " 😀 ", "😀  😀", "a😀b", "😀?", "💯💯💯 LOL",
    # ALL CAPS / mixed caps
    "GOOD", "GOOD BAD", "THIS IS GREAT", "This is GREAT", "this is GREAT!", "GREAT movie",
    "I HATE this", "VERY GOOD movie", "very GOOD movie", "VERY good movie", "NOT GOOD at all",
    "NO good", "No GOOD", "I am SO HAPPY", "KIND OF good", "HAPPY", "HAPPY happy", "ÉNORME joie",
    "ÇA VA good", "ΑΣ good", "Good GREAT", ":D", ":P :D", "XD lol", "LOL", "LOL ok",
    # long "but" chains and the list.index quirk
    "good but bad", "bad but good", "good but bad but good", "but", "but but but",
    "I like it but I hate it but I love it but it is awful",
    "good but good", "great great but great great", "good good but bad bad",
    "nice but nice nice nice", "BUT good", "good BUT bad", "good, but. bad", "but good",
    "love but hate but love but hate but love but hate",
    "fine but ok", "happy but lol", "ok but fine", "good but sweet",
    # negations at the start / middle, n't forms
    "not good", "Not good", "NOT good", "not bad", "good not", "I do not like this",
    "isn't good", "isnt good", "ain't bad", "don't like it", "DON'T like it", "wasn't great",
    "never good", "never so good", "never this good", "never so bad", "Never So Good",
    "it was never so good", "it was never this bad", "it is not so good", "it is so good",
    "nothing good", "without good", "without a doubt good", "without doubt good",
    "Without a doubt, excellent idea.", "Without a doubt, an excellent idea.",
    "no good", "no no good", "no way good", "no problem", "no", "no.", "good no", "no or good",
    "no bad or good", "no nor good", "not not good", "n't good", "can'tgood", "xn'tx good",
    "uh-uh good", "uhuh nice", "seldom happy", "despite good reviews", "nor good", "none good",
    # boosters, caps boosters, dampeners, "kind of" / "sort of"
    "very good", "VERY good", "Very good", "extremely bad", "EXTREMELY bad", "really really good",
    "so good", "so so good", "the best so far", "kind of good", "kind of bad", "sort of good",
    "sort of bad", "kinda good", "sorta bad", "kind-of good", "kind", "kind of", "a kind man",
    "she is kind", "kind of kind", "just enough good", "it is just enough good",
    "this was kind of good", "this was sort of bad", "the movie was sort of great fun",
    "it is only kind of good", "hardly good", "barely bad", "slightly happy", "uber cool",
    "FRIGGIN awesome", "friggin AWESOME", "more good", "most bad", "less good", "little happy",
    # idioms / special cases (and 3.3.2's dead or displaced matches)
    "the bomb", "this is the bomb", "that party was the bomb", "you are the bomb dude",
    "this shit is the shit", "it is the shit", "cut the mustard", "it did not cut the mustard",
    "yeah right", "oh yeah right", "well oh yeah right", "yeah right, great",
    "hand to mouth", "living hand to mouth", "back handed", "a back handed compliment",
    "bad ass", "such a bad ass", "that is so bad ass", "badass", "VADER is such a badass!",
    "On the other hand, VADER is quite bad ass", "kiss of death", "it was the kiss of death",
    "the kiss of death for us", "beating heart", "a beating heart", "my beating heart sings",
    "to die for", "the cake is to die for", "bus stop", "at the bus stop", "near the bus stop today",
    "upper hand", "break a leg", "under the weather", "in the red", "the shit good day",
    # "least"
    "least good", "the least good", "at least good", "very least good", "at the least good",
    "Roger Dodger is one of the least compelling variations on this theme.",
    "Roger Dodger is at least compelling as a variation on the theme.",
    "least", "LEAST good", "at least it isn't a horrible book.",
    # exclamation / question floods
    "good!", "good!!", "good!!!!", "good!!!!!!!!!!", "bad!!!!!!!", "good?", "good??", "good???",
    "good????", "good??????????", "bad???", "good?!?!?!", "!!!!", "????", "!?", "good ! ! ! !",
    "what?? good!!", "really?!?!", "no!!!", "ok!!!", "meh...", "wow!!! really??? great!!!",
    # punctuation stripping and short tokens
    ":)", ":(", ":-)", "(:", "):", ";)", ":-(", "=)", "<3", "</3", ":')", ":'(", "^_^", "-_-",
    "xD", "XD", ":d", ":p", "d:", "'good'", "\"good\"", "(good)", "((good))", "...good...",
    "!good!", "good,", ",good", "--good--", "#good", "@good", "good.", "g.", ".g", "ok.", "ok!",
    ".ok.", "lol.", "(lol)", "a", "I", "a.", "!a!", "ab", "!ab!", "abc", "!abc!", "'ok'",
    "((:))", "ok'", "n't", "'t", "'s", "..", "...", "!!!", "?!", ".,;:", "---", "***", "()",
    "[good]", "{bad}", "<good>", "good/bad", "good\\bad", "good_bad", "_good_", "`good`",
    "~good~", "|good|", "$good$", "%good%", "&good&", "*good*", "+good+", "=good=", "^good^",
    # numbers, urls, mentions, hashtags, html entities
    "10/10 would recommend", "5 stars", "0 stars", "100%", "3.14", "1,000,000 good",
    "http://good.com", "https://example.com/great?x=1", "www.bad.com sucks", "@good hi",
    "@user great job", "#happy", "#sad day", "&amp; good", "good &amp; bad", "&lt;3", "&gt;:(",
    "&quot;good&quot;", "good&nbsp;day", "RT @user: great!", "good :) :( bad",
    # tabs and newlines
    "good\tbad", "good\nbad", "good\r\nbad", "good\n\n\nbad", "\tgood\t", "GOOD\tbad",
    "not\tgood", "never\nso\ngood", "good\x0bbad", "good\x0cbad", "good\x1cbad", "good\x85bad",
    # non-ASCII: accents, CJK, Arabic, full-width, Unicode whitespace, zero-width
    "café good", "naïve love", "déjà vu bad", "GOOD café", "Ça marche bien", "ÇA MARCHE good",
    "très bien", "good 很好", "我很惊讶地看到VADER是如此有用!", "私は幸せです good",
    "أنا سعيد جدا", "أنا مندهش لرؤية فقط كيف مثير للدهشة فيدر فائدة!", "ｇｏｏｄ", "ＧＯＯＤ day",
    "good\u00a0bad", "good\u2003bad", "good\u3000bad", "good\u200bbad", "good\u2009bad",
    "not\u00a0good", "very\u3000good", "good\u202fday", "good\u205fday", "good\u1680day",
    "good\u180eday", "good\ufeffday", "gooď", "ĞOOD", "İyi good", "straße good", "STRASSE good",
    "ǅ good", "ǈ GOOD", "ÅNGSTRÖM great", "\u212aind of good", "\u212aIND good", "ΣΑΣ good",
    "ΌΣΟΣ ΚΑΛΌΣ", "ПРИВЕТ good", "Привет GOOD", "ⓐⓑⓒ good", "ⒶⒷⒸ good", "ＡＢＣ good",
    "ℌ good", "ℍ GOOD", "ᏣᎳᎩ GOOD", "𝐆𝐎𝐎𝐃 good", "good\u0301", "good\u0300 bad", "cafe\u0301 good",
    "e\u0301 GOOD", "ﬀ good", "ﬁne GOOD", "ŉ good", "ΐ GOOD", "\u1e9e good", "\u0130 good",
    ":-Þ", ":Þ", ":-þ", ":þ", "\u1e030 good", "\u0295 GOOD", "\u10fc GOOD", "\ua7f2 GOOD",
    "\U0001e030 GOOD", "\U00016ea0 GOOD", "\ua7cb GOOD", "\u1c89 GOOD", "GOOD \U00010d50",
    # quotes and multi-word lexicon entries (unreachable as single tokens)
    "can't stand it", "I can't stand this", "fed up", "screwed up", "( '}{' )",
    "I can’t believe how good", "it isn’t good", "don’t like",
    # demo sentences of the package
    "VADER is smart, handsome, and funny.", "VADER is smart, handsome, and funny!",
    "VADER is very smart, handsome, and funny.", "VADER is VERY SMART, handsome, and FUNNY.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!",
    "VADER is not smart, handsome, nor funny.", "The book was good.",
    "The book was only kind of good.",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "Today SUX!", "Today only kinda sux! But I'll get by, lol", "Make sure you :) or :D today!",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁", "Not bad at all",
    "Sentiment analysis has never been good.", "Sentiment analysis has never been this good!",
    "Most automated sentiment analysis tools are shit.",
    "With VADER, sentiment analysis is the shit!", "Other sentiment analysis tools can be quite bad.",
    "Not such a badass after all.",
    "It was one of the worst movies I've seen, despite good reviews. Unbelievably bad acting!! "
    "Poor direction. VERY poor production. The movie was bad. Very bad movie. VERY BAD movie!",
    # control characters
    "good\x00bad", "\x00", "good\x07", "good\x7f",
]

# a 10,000-character text (and a few other long ones)
LONG_WORDS = ("good bad not very kind of the bomb but never so happy :) 😀 LOL AWFUL "
              "at least isn't sort of nice!! really?? ").split(" ")


def long_text(rng, length):
    parts = []
    total = 0
    while total < length:
        word = rng.choice(LONG_WORDS)
        parts.append(word)
        total += len(word) + 1
    return " ".join(parts)[:length]


# --- fuzzed cases -----------------------------------------------------------------------------

WORDS = [
    "good", "bad", "great", "awful", "love", "hate", "happy", "sad", "nice", "terrible", "ok",
    "fine", "kind", "of", "sort", "just", "enough", "no", "not", "never", "without", "doubt",
    "so", "this", "least", "at", "very", "but", "or", "nor", "the", "bomb", "shit", "bad", "ass",
    "yeah", "right", "kiss", "death", "to", "die", "for", "beating", "heart", "bus", "stop",
    "isn't", "don't", "aint", "cannot", "extremely", "kinda", "sorta", "barely", "hardly",
    "really", "totally", "somewhat", "lol", "lmao", "wtf", "sux", "meh", "cool", "amazing",
    "horrible", "best", "worst", "like", "dislike", "fav", "ok", "xd", ":)", ":(", ":D", ":P",
    "<3", ";)", ":-/", "😀", "😡", "💔", "👍🏽", "❤️", "🙂", "it", "was", "is", "a", "I", "you",
    "movie", "day", "food", "@user", "#win", "http://t.co/x", "&amp;", "2", "10", "café",
    "ÉNORME", "很好", "جيد", "ｇｏｏｄ", "ΣΟΦΟΣ", "\u212aind",
]
SEPARATORS = [" "] * 12 + ["  ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\u200b", "\x1c", ""]
WRAPPERS = ["", "", "", "", "!", "?", ".", ",", "...", "!!", "??", "\"", "'", "(", ")", "#", "@",
            "*", "--", ":", "?!"]


def shape(rng, word):
    roll = rng.random()
    if roll < 0.15:
        return word.upper()
    if roll < 0.25:
        return word.title()
    if roll < 0.3:
        return word.swapcase()
    return word


def fuzz(rng):
    count = rng.randint(1, 14)
    pieces = []
    for _ in range(count):
        word = shape(rng, rng.choice(WORDS))
        if rng.random() < 0.25:
            word = rng.choice(WRAPPERS) + word
        if rng.random() < 0.3:
            word = word + rng.choice(WRAPPERS)
        pieces.append(word)
    text = ""
    for index, piece in enumerate(pieces):
        if index:
            text += rng.choice(SEPARATORS)
        text += piece
    if rng.random() < 0.2:
        text += rng.choice(["!" * rng.randint(1, 7), "?" * rng.randint(1, 6), "?!" * rng.randint(1, 3)])
    return text


def but_quirk(rng):
    """Equal valences on both sides of "but" exercise 3.3.2's list.index lookup."""
    left = [rng.choice(["good", "bad", "great", "ok", "happy", "fine", "love", "nice", "the"])
            for _ in range(rng.randint(1, 4))]
    right = [rng.choice(["good", "bad", "great", "ok", "happy", "fine", "love", "nice", "the"])
             for _ in range(rng.randint(1, 4))]
    return " ".join(left + [rng.choice(["but", "BUT", "But"])] + right + rng.choice([[], ["but", "good"]]))


def but_index_pairs(analyzer, rng):
    """Word pairs whose valences make list.index() pick an element other than the current one:
    "nice but okay" (1.8, 0.9) rescales the already halved "nice" instead of "okay"."""
    common = ("good great love like nice fine ok okay happy sad bad awful hate terrible cool best "
              "worst better fun win lose hope wish sorry pretty free yes agree glad excited proud "
              "funny boring angry fail well easy hard strong weak safe kind sweet hurt cry smile "
              "laugh friend help trust care thanks welcome enjoy please lucky wonderful amazing "
              "awesome beautiful perfect super excellent poor wrong problem lost miss alone tired "
              "sick ill pain dead kill war crisis bored ugly stupid dumb lame crap damn hell wow").split()
    valence = {w: analyzer.lexicon[w] for w in common if w in analyzer.lexicon}
    pairs = [(a, b) for a in valence for b in valence if valence[b] == valence[a] * 0.5]
    texts = []
    for a, b in pairs:
        texts.append("%s but %s" % (a, b))
        texts.append("it was %s but %s %s" % (a, rng.choice(["so", "the", "very", "not"]), b))
        texts.append("%s %s but %s" % (a, b, a))
    return texts


def main():
    rng = random.Random(SEED)
    texts = list(HAND)
    texts.append(long_text(rng, 10_000))
    texts.append("good " * 2_000)
    texts.append("GOOD " * 1_000 + "bad")
    texts.append("good but " * 500)
    texts.append("x" * 10_000)
    texts.append("😀" * 2_000)
    texts += [fuzz(rng) for _ in range(700)]
    texts += [but_quirk(rng) for _ in range(150)]

    analyzer = SentimentIntensityAnalyzer()
    texts += but_index_pairs(analyzer, rng)
    seen = set()
    rows = []
    for text in texts:
        if text in seen:
            continue
        seen.add(text)
        assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text), "lone surrogates cannot reach Swift"
        scores = analyzer.polarity_scores(text)
        rows.append({"id": "adv-%04d" % len(rows), "text": text, **scores})
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("wrote %d rows to %s (Python %s)" % (len(rows), OUTPUT, sys.version.split()[0]))


if __name__ == "__main__":
    main()
