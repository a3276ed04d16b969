// k6 is not installable here, so the k6 script is checked under Node with stubs for the k6 modules: it must
// load, declare the staging profile and thresholds, run one iteration against a stub HTTP client (the six
// requests with their names), and its handleSummary must write summary.json from k6-shaped summary data.
// Usage: node .ci/check-k6.mjs load/k6/srs.js
import { register } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const stubs = {
  "k6/http": `export const calls = [];
    const res = (method, url, params) => { calls.push({ method, url, name: params?.tags?.name });
      return { status: 200, timings: { duration: 5 }, json: (k) => (k === "status" ? "healthy" : undefined) }; };
    export default { get: (url, params) => res("GET", url, params), post: (url, body, params) => res("POST", url, params) };`,
  k6: `export const checks = []; export function check(r, c) { for (const [n, f] of Object.entries(c)) checks.push([n, f(r)]); return true; }
    export function sleep() {}`,
};
const hooks = `const stubs = ${JSON.stringify(stubs)};
  export async function resolve(spec, ctx, next) {
    if (spec in stubs) return { url: "data:text/javascript," + encodeURIComponent(stubs[spec]), shortCircuit: true };
    return next(spec, ctx);
  }`;
register("data:text/javascript," + encodeURIComponent(hooks));
globalThis.__ENV = { BASE_URL: "http://stub:8000" };

const script = path.resolve(process.argv[2] ?? "load/k6/srs.js");
const problems = [];
const expect = (cond, msg) => { if (!cond) problems.push(msg); };

const mod = await import(pathToFileURL(script).href);
const http = await import("k6/http");
const k6 = await import("k6");
const { options } = mod;
const stages = options.scenarios?.staging?.stages ?? [];
expect(stages[0]?.target === 100 && stages[0]?.duration === "60s", "ramp to 100 VUs over 60 s");
expect(stages[1]?.target === 100 && stages[1]?.duration === "240s", "hold 100 VUs until 300 s");
const t = options.thresholds ?? {};
expect(t.http_req_duration?.includes("p(95)<500") && t.http_req_duration?.includes("p(99)<1000"), "p95/p99 thresholds");
expect(t.http_req_failed?.includes("rate<0.05"), "error-rate threshold");
expect(t["http_req_duration{name:GET /health}"]?.includes("p(95)<100"), "GET /health threshold");
expect(t["http_req_duration{name:GET /}"]?.includes("p(95)<500"), "GET / threshold");
expect(t["http_req_duration{name:POST /api/v1/stock/search}"]?.includes("p(95)<1000"), "search threshold");

mod.default();
const names = http.calls.map((c) => `${c.method} ${c.url} ${c.name}`);
expect(names.join("|") === [
  "GET http://stub:8000/ GET /",
  "GET http://stub:8000/health GET /health",
  "POST http://stub:8000/api/v1/stock/search POST /api/v1/stock/search",
  "GET http://stub:8000/api/v1/instruments/AAPL/report GET /api/v1/instruments/{symbol}/report",
  "GET http://stub:8000/api/v1/instruments/AAPL/technicals GET /api/v1/instruments/{symbol}/technicals",
  "GET http://stub:8000/api/stats?ticker=AAPL&start=2017-01-01&end=2017-12-31 GET /api/stats",
].join("|"), `iteration requests: ${names.join(", ")}`);
for (const name of ["report}", "technicals}", "GET /api/stats}"]) {
  expect(Object.entries(t).some(([k, v]) => k.endsWith(name) && v.includes("p(95)<500")), `threshold for ${name}`);
}
expect(k6.checks.length >= 12 && k6.checks.every(([, ok]) => ok), "checks pass on fast 200 responses");

const trend = { avg: 12, min: 2, med: 9, max: 300, "p(90)": 30, "p(95)": 40, "p(99)": 120 };
const summary = mod.handleSummary({
  metrics: {
    http_req_duration: { values: trend, thresholds: { "p(95)<500": { ok: true }, "p(99)<1000": { ok: true } } },
    http_req_failed: { values: { rate: 0.001 }, thresholds: { "rate<0.05": { ok: true } } },
    http_reqs: { values: { count: 9000, rate: 30 } },
    checks: { values: { rate: 1 }, thresholds: { "rate>0.95": { ok: true } } },
  },
});
expect(typeof summary.stdout === "string" && summary.stdout.includes("p95 40.0 ms"), "summary text");
expect(JSON.parse(summary["summary.json"]).metrics.http_reqs.values.count === 9000, "summary.json content");

for (const p of problems) console.error(`FAIL k6 script: ${p}`);
console.log(`k6 script ${path.relative(process.cwd(), script)}: ${problems.length === 0 ? "ok" : "broken"} (stubbed k6 modules)`);
process.exit(problems.length === 0 ? 0 : 1);
