#!/usr/bin/env python3
"""Benchmark peer for `cables index` on TEI: pull the same fields from FRUS
TEI volumes with lxml iterparse and write one JSON line per document.

Usage: bench_tei.py DIR_OR_FILE... > out.ndjson

Per <div type="document">: path (file#id), volume, number, title (head
without notes), from/to (persName/gloss @type in the head), source note,
dateline text/place/date, doc-dateTime-min/max, pages (pb @n), paragraphs
(p outside notes), signatures, footnotes (@n, running count, text, source
flag), lists (type or head), references (ref @target "#dN"). Each top-level
document is cleared after use, so memory stays near one document.
"""
import json
import os
import sys

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS = "{http://history.state.gov/frus/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def collapse(s):
    return " ".join(s.split())


def text_without_notes(el):
    """Text of el, <lb/> as a space, notes left out (their tails kept)."""
    out = []

    def walk(e):
        if e.text:
            out.append(e.text)
        for c in e:
            if c.tag == TEI + "lb":
                out.append(" ")
            elif c.tag != TEI + "note":
                walk(c)
            if c.tail:
                out.append(c.tail)

    walk(el)
    return collapse("".join(out))


def inside(el, tag, stop):
    p = el.getparent()
    while p is not None and p is not stop:
        if p.tag == tag:
            return True
        p = p.getparent()
    return False


def document(div, path, volume, ordinal):
    did = div.get(XML_ID)
    n = div.get("n")
    rec = {
        "path": f"{path}#{did}" if did else f"{path}#unnumbered-{ordinal}",
        "volume": volume,
        "number": n.strip("[]") if n else None,
    }
    head = div.find(TEI + "head")
    title = text_without_notes(head) if head is not None else None
    if title and rec["number"] and title.startswith(rec["number"] + ". "):
        title = title[len(rec["number"]) + 2:]
    rec["title"] = title
    for side in ("from", "to"):
        parties = []
        if head is not None:
            for e in head.iter(TEI + "persName", TEI + "gloss"):
                if e.get("type") == side and not inside(e, TEI + "note", head):
                    parties.append(text_without_notes(e))
        rec[side] = "; ".join(parties) or None
    source = None
    notes = []
    for note in div.iter(TEI + "note"):
        if note.get("rend") == "inline":
            if note.get("type") == "source" and source is None:
                source = collapse("".join(note.itertext()))
            continue
        t = text_without_notes(note)
        is_source = note.get("type") == "source"
        if is_source and source is None:
            source = t
        notes.append({"marker": note.get("n") or str(len(notes) + 1), "list_number": str(len(notes) + 1),
                      "text": t, "source": is_source})
    rec["source_note"] = source
    rec["footnotes"] = notes
    dateline = None
    for dl in div.iter(TEI + "dateline"):
        if inside(dl, FRUS + "attachment", div) or inside(dl, TEI + "note", div):
            continue
        place = dl.find(".//" + TEI + "placeName")
        date = dl.find(".//" + TEI + "date")
        dateline = {
            "text": text_without_notes(dl),
            "place": text_without_notes(place).rstrip(", ") if place is not None else None,
            "date": (date.get("when") or date.get("from") or date.get("notBefore")) if date is not None else None,
        }
        break
    rec["dateline"] = dateline
    when = dateline["date"] if dateline else None
    rec["date_min"] = div.get(FRUS + "doc-dateTime-min") or when
    rec["date_max"] = div.get(FRUS + "doc-dateTime-max") or when
    rec["pages"] = [pb.get("n") for pb in div.iter(TEI + "pb")]
    rec["paragraphs"] = [t for p in div.iter(TEI + "p") if not inside(p, TEI + "note", div)
                         for t in [text_without_notes(p)] if t]
    rec["signatures"] = [text_without_notes(s) for s in div.iter(TEI + "signed")]
    lists = []
    for lst in div.iter(TEI + "list"):
        lh = lst.find(TEI + "head")
        if lst.get("type") or lh is not None:
            lists.append({"head": text_without_notes(lh) if lh is not None else lst.get("type").upper(),
                          "items": [text_without_notes(i) for i in lst.findall(TEI + "item")]})
    rec["lists"] = lists
    refs = []
    for r in div.iter(TEI + "ref"):
        t = r.get("target") or ""
        if t.startswith("#d") and t[2:].isdigit():
            refs.append({"kind": "document", "number": t[2:], "text": collapse("".join(r.itertext()))})
    rec["references"] = refs
    return rec


def volume_records(path, shown):
    volume = None
    ordinal = 0
    starts = {}
    # Start events give document order (ordinal) for nested documents too.
    for event, el in etree.iterparse(path, events=("start", "end"), resolve_entities=False, no_network=True,
                                     huge_tree=False):
        if event == "start":
            if el.tag == TEI + "TEI":
                volume = el.get(XML_ID)
            elif el.tag == TEI + "div" and el.get("type") == "document":
                ordinal += 1
                starts[el] = ordinal
            continue
        if el.tag == TEI + "idno" and el.get("type") == "frus" and el.text:
            volume = el.text.strip()
        elif el.tag == TEI + "div" and el.get("type") == "document":
            yield starts.pop(el), document(el, shown, volume, starts.get(el, ordinal))
            if not inside(el, TEI + "div", None) or all(a.get("type") != "document" for a in el.iterancestors(TEI + "div")):
                el.clear(keep_tail=True)
                while el.getprevious() is not None:
                    del el.getparent()[0]


def main(args):
    files = []
    for a in args:
        if os.path.isdir(a):
            files += sorted(os.path.join(a, f) for f in os.listdir(a) if f.endswith(".xml"))
        else:
            files.append(a)
    out = sys.stdout
    docs = 0
    for f in files:
        recs = sorted(volume_records(f, os.path.basename(f)), key=lambda x: x[0])
        for _, r in recs:
            out.write(json.dumps(r, ensure_ascii=False))
            out.write("\n")
            docs += 1
    print(f"bench_tei.py: {len(files)} files, {docs} documents", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:] or ["/work/shared/corpus/tei"])
