// Validates rendered Kubernetes manifests offline against the Kubernetes OpenAPI schemas that the npm
// package kubernetes-models ships (plus @kubernetes-models/external-secrets for ExternalSecret/SecretStore).
// With --policy it also enforces the chart's hardening on every workload: non-root uid 10001, seccomp
// RuntimeDefault, read-only root filesystem, no privilege escalation, all capabilities dropped, resource
// requests and limits, and for Deployments the /livez /readyz probes and an emptyDir at /tmp.
// Usage: node .ci/validate-manifests.mjs [--policy] FILE.yaml...   Exit 1 on any invalid object.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const toolsDir = path.join(path.dirname(new URL(import.meta.url).pathname), "tools");
const require = createRequire(path.join(toolsDir, "package.json"));
const { parseAllDocuments } = require("yaml");

// apiVersion -> package subpath. Kinds not listed here fail: nothing leaves the chart unvalidated.
function modulePath(apiVersion, kind) {
  if (apiVersion.startsWith("external-secrets.io/")) {
    return `@kubernetes-models/external-secrets/${apiVersion}/${kind}`;
  }
  return `kubernetes-models/${apiVersion}/${kind}`;
}

async function load(apiVersion, kind) {
  const spec = modulePath(apiVersion, kind);
  let file;
  try {
    file = require.resolve(path.join(toolsDir, "node_modules", `${spec}.js`));
  } catch {
    return null;
  }
  const mod = await import(pathToFileURL(file).href);
  return mod[kind] ?? mod.default ?? null;
}

function policyViolations(obj) {
  const kind = obj.kind;
  const pod = kind === "Deployment" ? obj.spec?.template?.spec : kind === "Pod" ? obj.spec : null;
  if (!pod) return [];
  const v = [];
  const psc = pod.securityContext ?? {};
  if (psc.runAsNonRoot !== true) v.push("pod securityContext.runAsNonRoot is not true");
  if (psc.seccompProfile?.type !== "RuntimeDefault") v.push("pod seccompProfile is not RuntimeDefault");
  for (const c of pod.containers ?? []) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if (sc.allowPrivilegeEscalation !== false) v.push(`${where}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) v.push(`${where}: readOnlyRootFilesystem is not true`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) v.push(`${where}: capabilities.drop lacks ALL`);
    if ((sc.runAsUser ?? psc.runAsUser) !== 10001) v.push(`${where}: does not run as uid 10001`);
    if (!c.resources?.requests?.memory || !c.resources?.limits?.memory) v.push(`${where}: memory request/limit missing`);
    if (kind === "Deployment") {
      if (c.livenessProbe?.httpGet?.path !== "/livez") v.push(`${where}: liveness probe is not /livez`);
      if (c.readinessProbe?.httpGet?.path !== "/readyz") v.push(`${where}: readiness probe is not /readyz`);
      if (!c.startupProbe) v.push(`${where}: no startup probe`);
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
      const vol = tmp && (pod.volumes ?? []).find((x) => x.name === tmp.name);
      if (!vol?.emptyDir) v.push(`${where}: /tmp is not an emptyDir`);
    }
  }
  return v;
}

const args = process.argv.slice(2);
const policy = args.includes("--policy");
let failures = 0;
let checked = 0;
let workloads = 0;
for (const file of args.filter((a) => a !== "--policy")) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  for (const doc of docs) {
    if (doc.errors.length) {
      console.error(`${file}: YAML error: ${doc.errors[0].message}`);
      failures++;
      continue;
    }
    const obj = doc.toJS();
    if (!obj) continue;
    const id = `${file}: ${obj.kind}/${obj.metadata?.name}`;
    const Model = obj.apiVersion && obj.kind ? await load(obj.apiVersion, obj.kind) : null;
    if (!Model) {
      console.error(`${id}: no schema for ${obj.apiVersion} ${obj.kind}`);
      failures++;
      continue;
    }
    try {
      new Model(obj).validate();
      checked++;
      if (policy) {
        const violations = policyViolations(obj);
        if (["Deployment", "Pod"].includes(obj.kind)) workloads++;
        for (const msg of violations) console.error(`${id}: POLICY ${msg}`);
        failures += violations.length;
      }
    } catch (e) {
      console.error(`${id}: INVALID\n${JSON.stringify(e.errors ?? e.message, null, 2)}`);
      failures++;
    }
  }
}
console.log(`kubernetes schema validation: ${checked} objects valid, ${failures} invalid` +
  (policy ? `; hardening policy checked on ${workloads} workloads` : ""));
process.exit(failures === 0 && checked > 0 ? 0 : 1);
