#!/usr/bin/python3
"""Validates vnplan JSON output against docs/schema/vnplan.schema.json.

Usage: scripts/validate_json.py FILE...   (each a JSON document or JSON Lines)

Prints one line per invalid document naming the file, the JSON path and the
reason; exits 1 if any document is invalid, 2 if a file cannot be read.
Downstream trackers can run it on their own batches before loading them.
"""
import json
import pathlib
import sys

import jsonschema

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "docs/schema/vnplan.schema.json"


def documents(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    try:
        yield json.loads(text)
    except json.JSONDecodeError:
        for line in text.splitlines():
            if line.strip():
                yield json.loads(line)


def main(paths):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    bad = 0
    for path in paths:
        try:
            docs = list(documents(path))
        except (OSError, ValueError) as e:
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            return 2
        for doc in docs:
            for error in validator.iter_errors(doc):
                where = "/".join(str(p) for p in error.absolute_path) or "(root)"
                print(f"{path}: {where}: {error.message[:300]}", file=sys.stderr)
                bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
