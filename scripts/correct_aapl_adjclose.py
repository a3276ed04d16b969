#!/usr/bin/env python3
"""Correct the four pre-split dividend adjustments in data/aapl.csv's Adj Close.

The file (Yahoo! Finance via @observablehq/sample-datasets) is split-adjusted for Apple's 7:1 split of 2014-06-09,
but its Adj Close applies the four dividends paid before the split at their pre-split amounts ($3.05, $3.05, $3.05,
$3.29 a share) to the split-adjusted prices, i.e. seven times too large: the adjustment factor jumps ~4.5 % on each
of those ex-dates instead of ~0.66 %, which overstates the adjusted total return from 2013 by about 16 %. (A known
Yahoo! Finance defect; the later dividends, paid after the split, are adjusted correctly: +0.4 to +0.6 %.)

For each of those ex-dates e this replaces the file's factor step m = factor(e-1) / factor(e) with Yahoo's own rule
applied to the split-adjusted dividend D: m = 1 - D / close(e-1), D = amount / 7, and rescales every earlier Adj Close
by the ratio (correct m / file's m). Later rows are unchanged. Idempotent: a step already below 1 % is left alone.

Run from the repository root:  python3 scripts/correct_aapl_adjclose.py
"""
import csv
import io

PATH = "data/aapl.csv"
SPLIT = 7
# Ex-dividend date -> dividend per pre-split share (Apple's investor-relations dividend history).
PRE_SPLIT_DIVIDENDS = {"2013-08-08": 3.05, "2013-11-06": 3.05, "2014-02-06": 3.05, "2014-05-08": 3.29}

with open(PATH, newline="") as f:
    text = f.read()
rows = list(csv.reader(io.StringIO(text)))
header, body = rows[0], rows[1:]
date_i, close_i, adj_i = header.index("Date"), header.index("Close"), header.index("Adj Close")
index = {r[date_i]: k for k, r in enumerate(body)}
factor = [float(r[adj_i]) / float(r[close_i]) for r in body]
scale = [1.0] * len(body)
for ex_date, amount in PRE_SPLIT_DIVIDENDS.items():
    e = index[ex_date]
    file_step = factor[e - 1] / factor[e]
    if 1 - file_step < 0.01:
        continue  # already corrected
    correct_step = 1 - (amount / SPLIT) / float(body[e - 1][close_i])
    for k in range(e):
        scale[k] *= correct_step / file_step
changed = 0
for k, r in enumerate(body):
    if scale[k] != 1.0:
        r[adj_i] = f"{float(r[close_i]) * factor[k] * scale[k]:.6f}"
        changed += 1
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows([header] + body)
with open(PATH, "w", newline="") as f:
    f.write(out.getvalue())
print(f"{PATH}: {changed} Adj Close values rescaled")
