// Writes ui/src/lib/third-party.json: every third-party package that ships
// inside OIN Studio, with its version, license and home — the Rust crates the
// app links (from `cargo metadata`: normal dependencies of the app, all
// platforms, no build or dev tools) and the npm packages bundled into its UI
// (@tauri-apps/api and the Svelte runtime, with their dependencies), and the
// data core ships from npm packages (the personal mail domains).
// `--check` fails when the file is out of date instead of writing it.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const OUT = "ui/src/lib/third-party.json";
const OWN = new Set(["oin-studio", "oin-core"]);

const meta = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--locked"], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  }),
);
const byId = new Map(meta.packages.map((p) => [p.id, p]));
const nodes = new Map(meta.resolve.nodes.map((n) => [n.id, n]));
const seen = new Set();
const stack = meta.packages.filter((p) => OWN.has(p.name)).map((p) => p.id);
while (stack.length) {
  const id = stack.pop();
  if (seen.has(id)) continue;
  seen.add(id);
  for (const dep of nodes.get(id)?.deps ?? []) {
    if (dep.dep_kinds.some((k) => k.kind === null)) stack.push(dep.pkg);
  }
}
const crates = [...seen]
  .map((id) => byId.get(id))
  .filter((p) => p && !OWN.has(p.name))
  .map((p) => ({
    name: p.name,
    version: p.version,
    license: p.license ?? (p.license_file ? "see its license file" : "unknown"),
    home: p.repository ?? p.homepage ?? `https://crates.io/crates/${p.name}`,
  }));

const npm = [];
const walk = (dir, name, done = new Set()) => {
  if (done.has(name)) return;
  done.add(name);
  const pkg = JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8"));
  const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  npm.push({
    name,
    version: pkg.version,
    license: pkg.license ?? "unknown",
    home: pkg.homepage ?? repo ?? `https://www.npmjs.com/package/${name}`,
  });
  for (const dep of Object.keys(pkg.dependencies ?? {})) walk(dir, dep, done);
};
const done = new Set();
for (const root of ["@tauri-apps/api", "svelte"]) walk("ui", root, done);
// Data shipped in core, taken from npm packages (their header names them).
for (const file of ["core/src/rules/free-email-domains.txt"]) {
  const head = readFileSync(file, "utf8").split("\n", 1)[0];
  const m = /^# (\S+) (\S+), ([^,]+), (\S+)/.exec(head);
  if (!m) throw new Error(`${file}: no "# name version, license, home" header`);
  npm.push({ name: m[1], version: m[2], license: m[3], home: m[4] });
}

const key = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
const text =
  JSON.stringify({ rust: crates.sort(key), npm: npm.sort(key) }, null, 1).replace(
    /\n\s+/g,
    " ",
  ) + "\n";
if (process.argv.includes("--check")) {
  let old = "";
  try {
    old = readFileSync(OUT, "utf8");
  } catch {}
  if (old !== text) {
    console.error(`${OUT} is out of date: run node scripts/licenses.mjs`);
    process.exit(1);
  }
  console.log(`third-party licenses: ${crates.length} crates, ${npm.length} npm packages, up to date`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${crates.length} crates, ${npm.length} npm packages`);
}
