// A tiny reverse proxy for the local blue-green rehearsal: forwards every request to
// 127.0.0.1:<port in ACTIVE_PORT_FILE>, re-read on each request, so switching colours is one atomic
// file rename (deploy/scripts/drivers/local.sh) with no dropped connections.
// Usage: node local-proxy.mjs LISTEN_PORT ACTIVE_PORT_FILE
import http from "node:http";
import { readFileSync } from "node:fs";

const [listenPort, portFile] = process.argv.slice(2);
if (!listenPort || !portFile) {
  console.error("usage: node local-proxy.mjs LISTEN_PORT ACTIVE_PORT_FILE");
  process.exit(2);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function upstreamPort() {
  try {
    return Number.parseInt(readFileSync(portFile, "utf8").trim(), 10) || null;
  } catch {
    return null;
  }
}

http
  .createServer((req, res) => {
    const port = upstreamPort();
    if (!port) {
      res.writeHead(503, { "content-type": "text/plain" }).end("no active colour\n");
      return;
    }
    const upstream = http.request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers, agent },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-qnt9-upstream-port": String(port) });
        up.pipe(res);
      },
    );
    upstream.on("error", (e) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`upstream ${port}: ${e.message}\n`);
    });
    req.pipe(upstream);
  })
  .listen(Number(listenPort), "127.0.0.1", () => console.log(`local proxy on ${listenPort} -> ${portFile}`));
