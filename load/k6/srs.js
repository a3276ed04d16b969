// k6 load test for the QNT9 stock recommendation service (staging profile).
//   k6 run -e BASE_URL=https://srs.staging.qnt9.io load/k6/srs.js
// Profile: 100 VUs, 300 s in total with a 60 s ramp-up (override: VUS, DURATION_S, RAMP_S).
// Each iteration: the dashboard, health and a search, then the data of the stock page a user opens (report,
// technical rating, statistics of a year), then 1 s of thinking.
// Thresholds: p95 < 500 ms, p99 < 1000 ms, error rate < 5 %; per endpoint (checks + p95 thresholds):
// GET / < 500 ms, GET /health < 100 ms, POST /api/v1/stock/search < 1000 ms, and < 500 ms for each of the
// stock page's requests.
// Writes results.json (raw metrics, via `--out json=results.json` in the workflow) and summary.json
// (handleSummary). The same scenario and thresholds as load/gatling (SrsSimulation).
// The service must run with its load-test rate limit (RATE_LIMIT_ANONYMOUS_PER_MINUTE, see load/README.md).
import http from "k6/http";
import { check, sleep } from "k6";

const BASE_URL = (__ENV.BASE_URL || "http://localhost:8000").replace(/\/$/, "");
const VUS = Number(__ENV.VUS || 100);
const DURATION_S = Number(__ENV.DURATION_S || 300);
const RAMP_S = Number(__ENV.RAMP_S || 60);

export const options = {
  scenarios: {
    staging: {
      executor: "ramping-vus",
      startVUs: 0,
      stages: [
        { duration: `${RAMP_S}s`, target: VUS },
        { duration: `${Math.max(1, DURATION_S - RAMP_S)}s`, target: VUS },
      ],
      gracefulRampDown: "10s",
    },
  },
  thresholds: {
    http_req_duration: ["p(95)<500", "p(99)<1000"],
    http_req_failed: ["rate<0.05"],
    "http_req_duration{name:GET /}": ["p(95)<500"],
    "http_req_duration{name:GET /health}": ["p(95)<100"],
    "http_req_duration{name:POST /api/v1/stock/search}": ["p(95)<1000"],
    "http_req_duration{name:GET /api/v1/instruments/{symbol}/report}": ["p(95)<500"],
    "http_req_duration{name:GET /api/v1/instruments/{symbol}/technicals}": ["p(95)<500"],
    "http_req_duration{name:GET /api/stats}": ["p(95)<500"],
    checks: ["rate>0.95"],
  },
  summaryTrendStats: ["avg", "min", "med", "max", "p(90)", "p(95)", "p(99)"],
};

const json = { headers: { "Content-Type": "application/json" } };

// [request name (the threshold's tag), path]
const STOCK_PAGE = [
  ["GET /api/v1/instruments/{symbol}/report", "/api/v1/instruments/AAPL/report"],
  ["GET /api/v1/instruments/{symbol}/technicals", "/api/v1/instruments/AAPL/technicals"],
  ["GET /api/stats", "/api/stats?ticker=AAPL&start=2017-01-01&end=2017-12-31"],
];

export default function () {
  const page = http.get(`${BASE_URL}/`, { tags: { name: "GET /" } });
  check(page, {
    "GET / is 200": (r) => r.status === 200,
    "GET / < 500ms": (r) => r.timings.duration < 500,
  });

  const health = http.get(`${BASE_URL}/health`, { tags: { name: "GET /health" } });
  check(health, {
    "GET /health is healthy": (r) => r.status === 200 && r.json("status") === "healthy",
    "GET /health < 100ms": (r) => r.timings.duration < 100,
  });

  const search = http.post(`${BASE_URL}/api/v1/stock/search`, JSON.stringify({ query: "AAPL" }), {
    ...json,
    tags: { name: "POST /api/v1/stock/search" },
  });
  check(search, {
    "search is 200": (r) => r.status === 200,
    "search < 1000ms": (r) => r.timings.duration < 1000,
  });

  // the stock page a user opens from the search
  for (const [name, url] of STOCK_PAGE) {
    const r = http.get(`${BASE_URL}${url}`, { tags: { name } });
    check(r, {
      [`${name} is 200`]: (res) => res.status === 200,
      [`${name} < 500ms`]: (res) => res.timings.duration < 500,
    });
  }

  sleep(1);
}

function fmt(v) {
  return v === undefined ? "n/a" : `${v.toFixed(1)} ms`;
}

export function handleSummary(data) {
  const d = data.metrics.http_req_duration.values;
  const failed = data.metrics.http_req_failed.values.rate;
  const reqs = data.metrics.http_reqs.values;
  const text = [
    `requests: ${reqs.count} (${reqs.rate.toFixed(1)}/s), failed: ${(failed * 100).toFixed(2)} %`,
    `latency: p50 ${fmt(d.med)}, p95 ${fmt(d["p(95)"])}, p99 ${fmt(d["p(99)"])}, max ${fmt(d.max)}`,
    `thresholds: ${Object.entries(data.metrics)
      .filter(([, m]) => m.thresholds)
      .map(([name, m]) => `${name} ${Object.values(m.thresholds).every((t) => t.ok) ? "ok" : "BROKEN"}`)
      .join(", ")}`,
    "",
  ].join("\n");
  return {
    stdout: text,
    "summary.json": JSON.stringify(data, null, 2),
  };
}
