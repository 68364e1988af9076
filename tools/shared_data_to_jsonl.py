#!/usr/bin/env python3
"""Turn the public calibration data in ../shared/data into labelled JSON Lines for `lurelens eval`.

The data's licences forbid copying it into the project, so this writes to a scratch folder
(default /tmp/lurelens-eval) and nothing here is committed. Usage:

    python3 tools/shared_data_to_jsonl.py [SHARED_DATA_DIR] [OUT_DIR]
"""
import csv
import json
import os
import sys

csv.field_size_limit(10**7)


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{path}: {len(rows)} records")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data")
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/lurelens-eval"
    os.makedirs(out, exist_ok=True)

    rows = []
    with open(os.path.join(data, "sms/SMSSpamCollection"), encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            label, _, text = line.rstrip("\n").partition("\t")
            rows.append({"id": f"sms-{i}", "text": text, "label": label})
    write(os.path.join(out, "sms_en.jsonl"), rows)

    zh = os.path.join(data, "zh_sms")
    rows = []
    for name, label in [("label00-last.csv", "normal"), ("label01-last.csv", "fraud"),
                        ("label02-last.csv", "fraud"), ("label03-last.csv", "fraud"),
                        ("label04-last.utf8.csv", "fraud")]:
        with open(os.path.join(zh, name), encoding="utf-8", errors="replace") as f:
            for i, r in enumerate(csv.DictReader(f)):
                rows.append({"id": f"{name[:7]}-{i}", "text": r.get("content", ""), "label": label,
                             "class": name[:7]})
    write(os.path.join(out, "sms_zh.jsonl"), rows)

    rows = []
    with open(os.path.join(data, "urls/benign_iscx_url2016.csv"), encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            u = line.strip()
            if u:
                rows.append({"id": f"iscx-{i}", "url": u, "label": "benign"})
    with open(os.path.join(data, "urls/phishtank_online_valid_2020.csv"), encoding="utf-8", errors="replace") as f:
        for r in csv.DictReader(f):
            rows.append({"id": f"pt-{r['phish_id']}", "url": r["url"], "label": "phish", "target": r.get("target", "")})
    write(os.path.join(out, "urls.jsonl"), rows)


if __name__ == "__main__":
    main()
