#!/usr/bin/env python3
"""Regenerate the Python-semantics fixtures next to this script (run with CPython 3.11).

python-unicode.txt -- one line per code point whose behaviour is not the default:
    <hex code point> <flags> <hex scalars of c.lower()>
  flags (or "-"): U = isupper() role "uppercase", B = "lowercase or titlecase" (makes isupper()
  false), C = cased and I = case-ignorable as seen by the Final_Sigma rule of str.lower(),
  S = str.isspace(). Default: no flag and c.lower() == c.
python-round.jsonl -- [x, round(x, 3), round(x, 4)] for values where naive rounding is fragile.
"""
import json
import os
import random
import struct
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SIGMA = "\u03a3"


def sigma_context(ch):
    """Cased / case-ignorable as observed through str.lower()'s Final_Sigma handling."""
    if ch == SIGMA:
        return ""  # Σ itself is cased, observed directly below
    if ("A" + SIGMA + ch).lower()[1] == "\u03c3":
        return "C"  # a following cased, non-ignorable character blocks the final form
    if ("A" + ch + SIGMA).lower()[-1] == "\u03c2":
        return "I"  # skipped when looking back for a cased character
    return ""


def unicode_table():
    lines = []
    for value in range(0x110000):
        if 0xD800 <= value <= 0xDFFF:
            continue
        ch = chr(value)
        flags = ""
        if ch.isupper():
            flags += "U"
        elif ch.islower() or unicodedata.category(ch) == "Lt":
            flags += "B"
        flags += "C" if ch == SIGMA else sigma_context(ch)
        if ch.isspace():
            flags += "S"
        lower = ch.lower()
        if flags or lower != ch:
            lines.append("%x %s %s" % (value, flags or "-", " ".join("%x" % ord(c) for c in lower)))
    with open(os.path.join(HERE, "python-unicode.txt"), "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return len(lines)


def rounding_values():
    rng = random.Random(7)
    values = set()
    for digits in (3, 4):
        scale = 10 ** digits
        for k in range(0, scale + 1):
            # decimal half-way literals: binary value a hair above or below the tie
            values.add((k + 0.5) / scale)
            values.add(float("%d.5e-%d" % (k, digits)))
    for m in range(1, 4097):
        values.add(m / 4096.0)  # exact binary ties such as 0.0625 and 0.1875
    for _ in range(1000):
        values.add(rng.random())
        values.add(-rng.random())
        values.add(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(62)))[0])  # |x| < 2
        values.add(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0])  # any magnitude
    values.update([0.0, -0.0, 1.0, -1.0, 1e-300, -1e-300, 5e-324, 0.99995, -0.99995, 2.675,
                   1.0005, 1234567.8915, 9007199254740993.0, 1e16 + 0.5, 123456789012.34567])
    rows = []
    for x in sorted(values, key=lambda v: (abs(v), v)):
        if x != x or x in (float("inf"), float("-inf")):
            continue
        rows.append(json.dumps([x, round(x, 3), round(x, 4)]))
    with open(os.path.join(HERE, "python-round.jsonl"), "w") as handle:
        handle.write("\n".join(rows) + "\n")
    return len(rows)


if __name__ == "__main__":
    print("python-unicode.txt: %d lines, python-round.jsonl: %d rows (Python %s, Unicode %s)"
          % (unicode_table(), rounding_values(), sys.version.split()[0], unicodedata.unidata_version))
