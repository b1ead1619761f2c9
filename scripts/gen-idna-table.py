#!/usr/bin/env python3
"""Writes Sources/DomainNames/IDNATables.swift, the Unicode data closte's IDNA processing needs.

Run by hand (not in CI) when the Unicode data should move on, and commit the result:

    pip install idna==3.13
    python3 scripts/gen-idna-table.py

Where the data comes from (pinned; the script refuses other versions):
- PyPI `idna` 3.13, `idna/uts46data.py`: the UTS #46 IDNA Mapping Table, Unicode 17.0.0.
- PyPI `idna` 3.13, `idna/idnadata.py`: the IDNA2008 code point classes (RFC 5892: PVALID, CONTEXTJ,
  CONTEXTO), joining types (for CONTEXTJ) and the scripts CONTEXTO asks about, Unicode 17.0.0.
- Python 3.11's `unicodedata` (Unicode 14.0.0): Bidi classes (RFC 5893), as the `idna` package itself
  reads them. A code point that IDNA2008 allows but this unicodedata does not know gets the class
  `U` (unknown), which closte refuses, as `idna` does.

Two tables, each a string of records that IDNAData.swift reads once, on first use:

mapping: `<start> <kind>[<argument>]`, records apart by white space; <start> is the hex distance from the
  previous record's first code point. The record covers code points up to the next record's start.
  Kinds (non-transitional processing, UseSTD3ASCIIRules off, as `idna.encode(name, uts46=True)`):
  V valid (and deviation), X disallowed, I ignored, D<delta> mapped to code point + hex delta,
  A alternating (even offsets map to the next code point, odd ones are valid),
  M<cp>,<cp>... mapped to these code points (hex).

properties: `<start><class><bidi><joining><script>`, records back to back (the start is lower-case
  hex, the rest one upper-case letter or `_` each). Class: P PVALID, J CONTEXTJ, O CONTEXTO,
  X anything else (then the other three are `___`). Bidi: the RFC 5893 class, one letter (BIDI below).
  Joining: L, D, R, T or `_`. Script: G Greek, H Hebrew, I Hiragana, K Katakana, C Han, or `_`.
"""

import bisect
import sys
import unicodedata
from pathlib import Path

import idna
from idna import idnadata
from idna.uts46data import uts46data

IDNA_VERSION = "3.13"
UNICODEDATA_VERSION = "14.0.0"

BIDI = {
    "L": "L", "R": "R", "AL": "A", "AN": "N", "EN": "E", "ES": "S", "CS": "C", "ET": "T", "ON": "O",
    "BN": "B", "NSM": "M", "": "U",
}
SCRIPTS = {"Greek": "G", "Hebrew": "H", "Hiragana": "I", "Katakana": "K", "Han": "C"}
CLASSES = {"PVALID": "P", "CONTEXTJ": "J", "CONTEXTO": "O"}
OUTPUT = Path(__file__).resolve().parent.parent / "Sources/DomainNames/IDNATables.swift"


def effective(cp):
    """(kind, replacement) of one code point under non-transitional processing, STD3 rules off."""
    row = uts46data[cp if cp < 256 else bisect.bisect_left(uts46data, (cp, "Z")) - 1]
    status, replacement = row[1], (row[2] if len(row) == 3 else None)
    if status in ("V", "D") or (status == "3" and replacement is None):
        return ("V", None)
    if status in ("M", "3"):
        return ("M", replacement)
    if status == "I":
        return ("I", None)
    return ("X", None)


def mapping_records():
    cps = [effective(cp) for cp in range(0x110000)]

    def single(cp):
        kind, text = cps[cp]
        return kind == "M" and len(text) == 1

    def pair(cp):  # cp maps to cp + 1, which is valid
        return cp + 1 < 0x110000 and single(cp) and ord(cps[cp][1]) == cp + 1 and cps[cp + 1][0] == "V"

    records = []  # (start, text)
    cp = 0
    while cp < 0x110000:
        kind, text = cps[cp]
        if pair(cp) and pair(cp + 2):
            end = cp + 2
            while pair(end):
                end += 2
            records.append((cp, "A"))
            cp = end
            continue
        if single(cp):
            delta = ord(text) - cp
            end = cp + 1
            while end < 0x110000 and single(end) and ord(cps[end][1]) - end == delta and not (pair(end) and pair(end + 2)):
                end += 1
            records.append((cp, "D" + ("-%x" % -delta if delta < 0 else "%x" % delta)))
            cp = end
            continue
        if kind == "M":
            records.append((cp, "M" + ",".join("%x" % ord(c) for c in text)))
            cp += 1
            continue
        end = cp + 1
        while end < 0x110000 and cps[end][0] == kind:
            end += 1
        records.append((cp, kind))
        cp = end
    # Merge runs of the same kind that the loop cut (V after V, X after X).
    merged = []
    for start, text in records:
        if merged and text in ("V", "X", "I") and merged[-1][1] == text:
            continue
        merged.append((start, text))
    check_mapping(merged, cps)
    out, previous = [], 0
    for start, text in merged:
        out.append("%x%s" % (start - previous, text))
        previous = start
    return out, len(merged)


def check_mapping(records, cps):
    """Reads the records back as IDNAData.swift does and compares every code point."""
    starts = [r[0] for r in records]
    for cp in range(0x110000):
        index = bisect.bisect_right(starts, cp) - 1
        start, text = records[index]
        kind = text[0]
        if kind == "A":
            got = ("M", chr(cp + 1)) if (cp - start) % 2 == 0 else ("V", None)
        elif kind == "D":
            got = ("M", chr(cp + int(text[1:], 16)))
        elif kind == "M":
            got = ("M", "".join(chr(int(h, 16)) for h in text[1:].split(",") if h))
        else:
            got = (kind, None)
        assert got == cps[cp], (hex(cp), got, cps[cp])


def ranges(table):
    for value in table:
        yield value >> 32, value & 0xFFFFFFFF


def property_records():
    klass, script = {}, {}
    for name, letter in CLASSES.items():
        for start, end in ranges(idnadata.codepoint_classes[name]):
            for cp in range(start, end):
                klass[cp] = letter
    for name, letter in SCRIPTS.items():
        for start, end in ranges(idnadata.scripts[name]):
            for cp in range(start, end):
                script[cp] = letter
    joining = idnadata.joining_types()
    out, previous, last, count = [], 0, None, 0
    for cp in range(0x110000):
        if cp in klass:
            jt = chr(joining[cp]) if joining.get(cp) in (ord("L"), ord("D"), ord("R"), ord("T")) else "_"
            value = klass[cp] + BIDI.get(unicodedata.bidirectional(chr(cp)), "Z") + jt + script.get(cp, "_")
        else:
            value = "X___"
        if value != last:
            out.append("%x%s" % (cp - previous, value))
            previous, last, count = cp, value, count + 1
    return out, count


def wrap(records, separator, width=100):
    lines, line = [], ""
    for record in records:
        piece = (separator if line else "") + record
        if len(line) + len(piece) > width:
            lines.append(line)
            line = record
        else:
            line += piece
    if line:
        lines.append(line)
    return "\n".join("    " + line for line in lines)


def main():
    if idna.__version__ != IDNA_VERSION or unicodedata.unidata_version != UNICODEDATA_VERSION:
        sys.exit(
            "gen-idna-table: needs idna %s and unicodedata %s (Python 3.11); found idna %s, unicodedata %s"
            % (IDNA_VERSION, UNICODEDATA_VERSION, idna.__version__, unicodedata.unidata_version))
    mapping, mapping_count = mapping_records()
    properties, property_count = property_records()
    text = f"""// Generated by scripts/gen-idna-table.py: do not edit. Data: PyPI idna {IDNA_VERSION} (UTS #46 mapping
// table and IDNA2008 classes, joining types and scripts, Unicode {idnadata.__version__}); Bidi classes from
// Python's unicodedata {UNICODEDATA_VERSION}. The script's header says how the records are written.

/// The Unicode data of `IDNA`: {mapping_count} mapping records and {property_count} property records.
enum IDNATables {{
  static let mapping = \"\"\"
{wrap(mapping, " ")}
    \"\"\"

  static let properties = \"\"\"
{wrap(properties, "")}
    \"\"\"
}}
"""
    OUTPUT.write_text(text)
    print("wrote %s: %d mapping records, %d property records, %d bytes"
          % (OUTPUT, mapping_count, property_count, len(text.encode())))


if __name__ == "__main__":
    main()
