// Offline structural validation of deploy/terraform (terraform init cannot download providers here).
// HCL is converted to JSON with @cdktf/hcl2json, then for every directory with .tf files:
//  - every argument of a local module call is a variable the module declares, and every variable of the
//    module without a default is passed;
//  - every module.NAME.OUTPUT reference names a module call of that directory and an output it declares;
//  - every var.X is declared and every local.X is defined in that directory;
//  - every module in modules/ is called by some configuration;
// and for every environment (envs/*): a Terraform Cloud `cloud {}` block with a workspace named after the
// environment, terraform.tfvars sets only declared variables, and every variable without a default is set.
// Usage: node .ci/check-terraform.mjs deploy/terraform
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const toolsDir = path.join(path.dirname(new URL(import.meta.url).pathname), "tools");
const require = createRequire(path.join(toolsDir, "package.json"));
const { parse } = require("@cdktf/hcl2json");

const root = path.resolve(process.argv[2] ?? "deploy/terraform");
const META_ARGS = new Set(["source", "version", "providers", "depends_on", "count", "for_each"]);
const problems = [];
let checks = 0;
const ok = () => checks++;
const fail = (msg) => problems.push(msg);

function tfDirs(dir) {
  const out = [];
  const entries = readdirSync(dir);
  if (entries.some((e) => e.endsWith(".tf"))) out.push(dir);
  for (const e of entries) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory() && !e.startsWith(".")) out.push(...tfDirs(p));
  }
  return out;
}

const cache = new Map();
async function loadDir(dir) {
  if (cache.has(dir)) return cache.get(dir);
  const cfg = { dir, variables: {}, outputs: {}, modules: {}, locals: new Set(), terraform: [], text: "" };
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".tf")).sort()) {
    const src = readFileSync(path.join(dir, f), "utf8");
    cfg.text += src + "\n";
    const json = await parse(f, src);
    for (const [name, [body]] of Object.entries(json.variable ?? {})) cfg.variables[name] = body ?? {};
    for (const [name, [body]] of Object.entries(json.output ?? {})) cfg.outputs[name] = body ?? {};
    for (const [name, [body]] of Object.entries(json.module ?? {})) cfg.modules[name] = body;
    for (const block of json.locals ?? []) for (const k of Object.keys(block)) cfg.locals.add(k);
    cfg.terraform.push(...(json.terraform ?? []));
  }
  cache.set(dir, cfg);
  return cfg;
}

const rel = (p) => path.relative(root, p) || ".";
const called = new Set();

for (const dir of tfDirs(root)) {
  const cfg = await loadDir(dir);
  // Strip comments so that examples in comments are not taken for references.
  const code = cfg.text.replace(/^\s*#.*$/gm, "").replace(/\/\/.*$/gm, "");

  for (const [name, call] of Object.entries(cfg.modules)) {
    const source = call.source;
    if (!source?.startsWith(".")) continue;
    const modDir = path.resolve(dir, source);
    if (!existsSync(modDir)) {
      fail(`${rel(dir)}: module "${name}" source ${source} does not exist`);
      continue;
    }
    called.add(modDir);
    const mod = await loadDir(modDir);
    for (const arg of Object.keys(call)) {
      if (META_ARGS.has(arg)) continue;
      if (mod.variables[arg]) ok();
      else fail(`${rel(dir)}: module "${name}" passes "${arg}", which ${rel(modDir)} does not declare`);
    }
    for (const [v, body] of Object.entries(mod.variables)) {
      if ("default" in body) continue;
      if (v in call) ok();
      else fail(`${rel(dir)}: module "${name}" does not set the required variable "${v}" of ${rel(modDir)}`);
    }
  }

  for (const [, name, output] of code.matchAll(/\bmodule\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)/g)) {
    const call = cfg.modules[name];
    if (!call) {
      fail(`${rel(dir)}: module.${name}.${output} refers to no module call`);
      continue;
    }
    const mod = await loadDir(path.resolve(dir, call.source));
    if (mod.outputs[output]) ok();
    else fail(`${rel(dir)}: module.${name}.${output}: ${call.source} has no output "${output}"`);
  }
  for (const [, v] of code.matchAll(/\bvar\.([A-Za-z0-9_]+)/g)) {
    if (cfg.variables[v]) ok();
    else fail(`${rel(dir)}: var.${v} is not declared`);
  }
  for (const [, l] of code.matchAll(/\blocal\.([A-Za-z0-9_]+)/g)) {
    if (cfg.locals.has(l)) ok();
    else fail(`${rel(dir)}: local.${l} is not defined`);
  }
  for (const [name, body] of Object.entries(cfg.variables)) {
    if (body.description) ok();
    else fail(`${rel(dir)}: variable "${name}" has no description`);
  }
}

const modulesDir = path.join(root, "modules");
for (const m of readdirSync(modulesDir)) {
  if (called.has(path.join(modulesDir, m))) ok();
  else fail(`modules/${m} is not used by any configuration`);
}

const envsDir = path.join(root, "envs");
const envs = readdirSync(envsDir).filter((e) => statSync(path.join(envsDir, e)).isDirectory());
for (const env of envs) {
  const dir = path.join(envsDir, env);
  const cfg = await loadDir(dir);
  const cloud = cfg.terraform.flatMap((t) => t.cloud ?? []);
  const workspace = cloud[0]?.workspaces?.[0]?.name;
  if (cloud.length === 1 && cloud[0].organization && workspace?.endsWith(`-${env}`)) ok();
  else fail(`envs/${env}: needs a cloud {} block with an organization and a workspace named *-${env}`);

  const tfvarsFile = path.join(dir, "terraform.tfvars");
  if (!existsSync(tfvarsFile)) {
    fail(`envs/${env}: terraform.tfvars is missing`);
    continue;
  }
  const tfvars = await parse("terraform.tfvars", readFileSync(tfvarsFile, "utf8"));
  for (const key of Object.keys(tfvars)) {
    if (cfg.variables[key]) ok();
    else fail(`envs/${env}/terraform.tfvars sets "${key}", which is not declared`);
    if (cfg.variables[key]?.sensitive) fail(`envs/${env}/terraform.tfvars sets the sensitive "${key}": use a workspace variable`);
  }
  for (const [v, body] of Object.entries(cfg.variables)) {
    if ("default" in body) continue;
    if (v in tfvars) ok();
    else fail(`envs/${env}: required variable "${v}" is not set in terraform.tfvars`);
  }
}

for (const p of problems) console.error(`FAIL ${p}`);
console.log(`terraform structure (${envs.length} environments, ${cache.size} configurations): ${checks} passed, ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
