#!/usr/bin/env python3
"""Independent reference values for io.qnt9.srs.analytics.ReturnStatistics, computed with numpy only.

Reads the bundled real series in data/ and writes one JSON fixture per symbol to
src/test/resources/analytics/reference/<symbol>.json, which ReferenceStatisticsTests compares with the
Java engine to 1e-9 relative. Written from the conventions in docs/ANALYTICS.md, not from the Java code,
using numpy's own primitives (std(ddof=1), quantile(method="linear"), maximum.accumulate, cov, corrcoef).

Deterministic and re-runnable: same inputs and numpy version give byte-identical files.
Run from the repository root:  python3 scripts/reference_stats.py
"""

import csv
import datetime
import json
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
OUT = ROOT / "src" / "test" / "resources" / "analytics" / "reference"

SYMBOLS = {"aapl": "aapl.csv", "spx": "spx.csv", "goog": "goog.csv", "msft": "msft.csv"}
BENCHMARK = "spx"
RISK_FREE_RATES = [0.0, 0.02]
ROLLING_WINDOW = 63
ROLLING_RISK_FREE_RATE = 0.02
TRADING_DAYS = 252
DAYS_PER_YEAR = 365.25
EPOCH = datetime.date(1970, 1, 1)


def load(file):
    """Dates as epoch days and the price used for returns: adjusted close when the file has one, else close."""
    with open(DATA / file, newline="") as handle:
        rows = list(csv.reader(handle))
    header = [h.strip().lower() for h in rows[0]]
    column = next((c for c in ("adj close", "adjclose", "adj_close") if c in header), "close")
    date_index = header.index("date")
    price_index = header.index(column)
    days = np.array(
        [(datetime.date.fromisoformat(r[date_index]) - EPOCH).days for r in rows[1:] if r], dtype=np.int64
    )
    prices = np.array([float(r[price_index]) for r in rows[1:] if r], dtype=np.float64)
    return days, prices, rows[0][price_index]


def daily_rate(annual):
    return (1.0 + annual) ** (1.0 / TRADING_DAYS) - 1.0


def summary(days, prices, rf):
    r = prices[1:] / prices[:-1] - 1.0
    e = r - daily_rate(rf)
    annualise = np.sqrt(TRADING_DAYS)
    volatility = np.std(r, ddof=1) * annualise
    sharpe = np.mean(e) / np.std(e, ddof=1) * annualise
    downside = np.sqrt(np.mean(np.minimum(0.0, e) ** 2)) * annualise
    sortino = np.mean(e) * TRADING_DAYS / downside  # annualised like Sharpe: mean(e) / daily downside * sqrt(252)
    cagr = (prices[-1] / prices[0]) ** (DAYS_PER_YEAR / float(days[-1] - days[0])) - 1.0

    running_max = np.maximum.accumulate(prices)
    drawdown = prices / running_max - 1.0
    trough = int(np.argmin(drawdown))
    peak = int(np.argmax(prices[: trough + 1]))
    recovered = np.nonzero(prices[trough + 1 :] >= prices[peak])[0]
    recovery = int(days[trough + 1 + recovered[0]]) if recovered.size else None
    depth = float(drawdown[trough])

    q95 = np.quantile(r, 0.05, method="linear")
    q99 = np.quantile(r, 0.01, method="linear")
    best = int(np.argmax(r))
    worst = int(np.argmin(r))
    return {
        "riskFreeRate": rf,
        "firstEpochDay": int(days[0]),
        "lastEpochDay": int(days[-1]),
        "returnCount": int(r.size),
        "totalReturn": float(prices[-1] / prices[0] - 1.0),
        "cagr": float(cagr),
        "annualizedVolatility": float(volatility),
        "sharpeRatio": float(sharpe),
        "sortinoRatio": float(sortino),
        "annualizedDownsideDeviation": float(downside),
        "maxDrawdown": {
            "depth": depth,
            "peakEpochDay": int(days[peak]),
            "troughEpochDay": int(days[trough]),
            "recoveryEpochDay": recovery,
        },
        "calmarRatio": float(cagr / abs(depth)),
        "var95": float(-q95),
        "cvar95": float(-np.mean(r[r <= q95])),
        "var99": float(-q99),
        "cvar99": float(-np.mean(r[r <= q99])),
        "bestDay": {"epochDay": int(days[best + 1]), "value": float(r[best])},
        "worstDay": {"epochDay": int(days[worst + 1]), "value": float(r[worst])},
        "positiveDayShare": float(np.mean(r > 0)),
    }


def sample_points(n, window):
    """Price indices to record: the first valid one, about a dozen spread over the series, and the last."""
    step = max(1, (n - 1 - window) // 12)
    return sorted(set(range(window, n, step)) | {n - 1})


def rolling(days, prices, window, rf):
    r = prices[1:] / prices[:-1] - 1.0
    e = r - daily_rate(rf)
    annualise = np.sqrt(TRADING_DAYS)
    volatility, sharpe = [], []
    for i in sample_points(prices.size, window):
        # the window of returns ending at price i: r[i - window .. i - 1] (r[j] is earned on day j + 1)
        vol_window = r[i - window : i]
        excess_window = e[i - window : i]
        volatility.append([i, int(days[i]), float(np.std(vol_window, ddof=1) * annualise)])
        sharpe.append(
            [i, int(days[i]), float(np.mean(excess_window) / np.std(excess_window, ddof=1) * annualise)]
        )
    return {"window": window, "riskFreeRate": rf, "volatility": volatility, "sharpe": sharpe}


def against(asset, benchmark, window):
    days_a, prices_a, _ = asset
    days_b, prices_b, _ = benchmark
    common, index_a, index_b = np.intersect1d(days_a, days_b, assume_unique=True, return_indices=True)
    a = prices_a[index_a]
    b = prices_b[index_b]
    ra = a[1:] / a[:-1] - 1.0
    rb = b[1:] / b[:-1] - 1.0
    beta = np.cov(ra, rb, ddof=1)[0, 1] / np.var(rb, ddof=1)
    correlation = np.corrcoef(ra, rb)[0, 1]
    points = []
    for i in sample_points(common.size, window):
        wa = ra[i - window : i]
        wb = rb[i - window : i]
        points.append([i, int(common[i]), float(np.cov(wa, wb, ddof=1)[0, 1] / np.var(wb, ddof=1))])
    return {
        "against": BENCHMARK,
        "commonDates": int(common.size),
        "returnCount": int(ra.size),
        "beta": float(beta),
        "correlation": float(correlation),
        "rollingBeta": {"window": window, "points": points},
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    series = {symbol: load(file) for symbol, file in SYMBOLS.items()}
    for symbol, file in SYMBOLS.items():
        days, prices, column = series[symbol]
        fixture = {
            "source": "data/" + file,
            "priceColumn": column,
            "generator": "scripts/reference_stats.py with numpy " + np.__version__,
            "prices": int(prices.size),
            "summaries": [summary(days, prices, rf) for rf in RISK_FREE_RATES],
            "rolling": rolling(days, prices, ROLLING_WINDOW, ROLLING_RISK_FREE_RATE),
        }
        if symbol != BENCHMARK:
            fixture["benchmark"] = against(series[symbol], series[BENCHMARK], ROLLING_WINDOW)
        text = json.dumps(fixture, indent=2, sort_keys=True) + "\n"
        (OUT / (symbol + ".json")).write_text(text)
        print("wrote", (OUT / (symbol + ".json")).relative_to(ROOT))


if __name__ == "__main__":
    main()
