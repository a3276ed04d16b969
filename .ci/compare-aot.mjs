// Spring AOT differential check: the same requests against two instances of the packaged service on the same
// bundled data, one started from the build's AOT-generated bean definitions and one the normal way
// (-Dspring.aot.enabled=false), must get the same answers — status, content type and body, apart from values that
// differ between any two instances (timestamps, request ids, cache state, the per-process JWT key).
// The requests: every GET of the OpenAPI document (path parameters filled in), each with its query parameters at
// plausible values and once with a bad value, plus error cases, pages, the actuator and a sign-up/sign-in round.
// Usage: node .ci/compare-aot.mjs AOT_URL PLAIN_URL
const [aot, plain] = process.argv.slice(2);
if (!aot || !plain) {
  console.error("usage: node .ci/compare-aot.mjs AOT_URL PLAIN_URL");
  process.exit(2);
}

// Values that differ between any two instances, whatever their bean definitions.
const VOLATILE = /^(id|timestamp|cache_hit|cacheHit|requestId|request_id)$|Token$|_token$|At$|_at$|Ms$/;

function normalise(value) {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    const out = {};
    for (const k of Object.keys(value).sort()) out[k] = VOLATILE.test(k) ? "<volatile>" : normalise(value[k]);
    return out;
  }
  return value;
}

async function answer(base, path, init) {
  const res = await fetch(base + path, { redirect: "manual", ...init });
  const type = (res.headers.get("content-type") || "").split(";")[0];
  // The instance's own address (e.g. the OpenAPI document's server URL) differs by port.
  const port = new URL(base).port;
  let body = (await res.text()).replaceAll(new RegExp(`//(localhost|127\\.0\\.0\\.1):${port}\\b`, "g"), "//<self>");
  if (/json/.test(type)) {
    try { body = JSON.stringify(normalise(JSON.parse(body))); } catch { /* compared as text */ }
  } else if (path.startsWith("/actuator/prometheus")) {
    // Counters and timers differ with every request; the set of series must not — apart from the GC's pause and
    // phase timers, which appear with the first collection of their kind (a matter of allocation and timing: the
    // normal start allocates more and is often the only one to have collected yet).
    body = [...new Set(body.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/[{ ]/)[0]))]
      .filter((name) => !/^jvm_gc_(pause|concurrent_phase_time)_seconds/.test(name)).sort().join("\n");
  }
  return { status: res.status, type, body };
}

const SAMPLE = { symbol: "AAPL", symbols: "AAPL,SPX", ticker: "AAPL", tickers: "AAPL,SPX", holdings: "AAPL:0.6,SPX:0.4", q: "apple", query: "apple",
  names: "sma:50,rsi:14,macd:12:26:9", start: "2014-01-01", end: "2014-12-31", benchmark: "SPX", riskFreeRate: "0.02",
  buy: "rsi_14 < 30", sell: "rsi_14 > 70", where: "rsi_14 < 30", window: "63", interval: "weekly", limit: "5" };

const spec = JSON.parse((await answer(plain, "/v3/api-docs")).body);
const paths = ["/", "/health", "/livez", "/readyz", "/actuator/health", "/actuator/info", "/actuator/prometheus",
  "/v3/api-docs", "/swagger-ui.html", "/no/such/route", "/api/v1/instruments/NOPE", "/api/stats?ticker=AAPL&start=2024-02-30"];
for (const [template, ops] of Object.entries(spec.paths)) {
  if (!ops.get) continue;
  const path = template.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(SAMPLE[name] ?? "1"));
  const query = (ops.get.parameters || []).filter((p) => p.in === "query");
  const good = new URLSearchParams();
  for (const p of query) if (SAMPLE[p.name] !== undefined) good.set(p.name, SAMPLE[p.name]);
  paths.push(path, good.size ? `${path}?${good}` : path);
  for (const p of query) paths.push(`${path}?${new URLSearchParams({ ...Object.fromEntries(good), [p.name]: "-1x" })}`);
}

const failures = [];
const statuses = {};
let compared = 0;
async function compare(path, init) {
  const [a, b] = await Promise.all([answer(aot, path, init), answer(plain, path, init)]);
  compared++;
  statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  if (path.startsWith("/actuator/prometheus") && a.body !== b.body) {
    // a set of series names: say which differ
    const [sa, sb] = [new Set(a.body.split("\n")), new Set(b.body.split("\n"))];
    failures.push(`GET ${path}: series only in the AOT-started one: ${[...sa].filter((x) => !sb.has(x)).join(", ") || "none"};`
      + ` only in the normal one: ${[...sb].filter((x) => !sa.has(x)).join(", ") || "none"}`);
    return a;
  }
  for (const field of ["status", "type", "body"]) {
    if (a[field] !== b[field]) {
      failures.push(`${init?.method ?? "GET"} ${path}: ${field} differs\n  AOT:    ${String(a[field]).slice(0, 300)}\n  normal: ${String(b[field]).slice(0, 300)}`);
      break;
    }
  }
  return a;
}
for (const path of [...new Set(paths)]) await compare(path);

// Accounts: sign up, sign in, a watchlist, and the same refusals.
const json = (method, body, token) => ({ method, headers: { "content-type": "application/json",
  ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body && JSON.stringify(body) });
const email = `aot-${Date.now()}@example.com`;
for (const base of [aot, plain]) {
  const up = await fetch(`${base}/api/v1/auth/signup`, json("POST", { email, password: "correct horse battery staple" }));
  if (up.status >= 300) failures.push(`sign-up on ${base}: HTTP ${up.status} ${await up.text()}`);
}
await compare("/api/v1/auth/signup", json("POST", { email, password: "correct horse battery staple" }));
await compare("/api/v1/auth/signup", json("POST", { email: "not-an-email", password: "x" }));
await compare("/api/v1/auth/signin", json("POST", { email, password: "wrong password" }));
const tokens = [];
for (const base of [aot, plain]) {
  const res = await fetch(`${base}/api/v1/auth/signin`, json("POST", { email, password: "correct horse battery staple" }));
  tokens.push((await res.json()).accessToken);
}
const both = async (path, method, body) => {
  const [a, b] = await Promise.all([aot, plain].map((base, i) => answer(base, path, json(method, body, tokens[i]))));
  compared++;
  if (a.status !== b.status || a.body !== b.body) failures.push(`${method} ${path} (signed in): differs\n  AOT:    ${a.status} ${a.body.slice(0, 300)}\n  normal: ${b.status} ${b.body.slice(0, 300)}`);
  return a;
};
await both("/api/v1/watchlists", "POST", { name: "AOT check" });
await both("/api/v1/watchlists", "GET");
await both("/api/v1/auth/me", "GET");

console.log(`compared ${compared} requests between the AOT-started and the normally started service;`,
  `statuses: ${Object.entries(statuses).map(([s, n]) => `${n} × ${s}`).join(", ")}`);
if (failures.length) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log("all answers equal (volatile values aside)");
