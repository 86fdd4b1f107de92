"""Hand-written labelled sentences (data/foreign-policy.txt) as NewsMTSC-format JSON lines.

A line is a sentence whose targets are marked {words|neg}, {words|neu} or {words|pos}:

    Japan praised {India|pos} as a reliable partner in Asia.

    python3 -m stance_training.handwritten data/foreign-policy.txt --out extra.jsonl
"""
import argparse
import json
import re

MARK = re.compile(r"\{([^{}|]+)\|(neg|neu|pos)\}")
CODES = {"neg": 2.0, "neu": 4.0, "pos": 6.0}


def parse(lines, name="handwritten"):
    """The NewsMTSC records of the lines; a line with a broken mark raises ValueError with its number."""
    records = []
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        sentence, targets, at = [], [], 0
        length = 0
        for match in MARK.finditer(line):
            sentence.append(line[at:match.start()])
            length += match.start() - at
            words, label = match.group(1), match.group(2)
            targets.append({"Input.gid": f"{name}_{number}_{len(targets)}", "from": length, "to": length + len(words),
                            "mention": words, "polarity": CODES[label]})
            sentence.append(words)
            length += len(words)
            at = match.end()
        sentence.append(line[at:])
        text = "".join(sentence)
        if not targets or "{" in text or "}" in text:
            raise ValueError(f"line {number}: mark targets as {{words|neg}}, {{words|neu}} or {{words|pos}}: {line}")
        records.append({"primary_gid": f"{name}_{number}", "sentence_normalized": text, "targets": targets})
    return records


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m stance_training.handwritten", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    with open(args.source, encoding="utf-8") as lines:
        records = parse(lines)
    with open(args.out, "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
