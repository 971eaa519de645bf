// Refreshes core/src/rules/free-email-domains.txt, the list of personal
// (free) mail domains the precheck warns about, from the npm package
// free-email-domains (MIT; https://github.com/kikobeats/free-email-domains),
// which keeps it up to date. Run by hand (it needs the npm registry); the
// package's own postinstall downloads from the web, so it is unpacked here
// instead of installed. Usage: node scripts/free-email-domains.mjs [version]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const version = process.argv[2] ?? "latest";
const dir = mkdtempSync(join(tmpdir(), "free-email-domains-"));
const tgz = execFileSync("npm", ["pack", `free-email-domains@${version}`, "--silent"], {
  cwd: dir,
  encoding: "utf8",
}).trim();
execFileSync("tar", ["xzf", tgz], { cwd: dir });
const pkg = JSON.parse(readFileSync(join(dir, "package/package.json"), "utf8"));
const domains = JSON.parse(readFileSync(join(dir, "package/domains.json"), "utf8"));
const clean = [...new Set(domains.map((d) => d.trim().toLowerCase()).filter(Boolean))].sort();
const header = `# free-email-domains ${pkg.version}, ${pkg.license}, https://github.com/kikobeats/free-email-domains — refresh: node scripts/free-email-domains.mjs`;
writeFileSync("core/src/rules/free-email-domains.txt", [header, ...clean].join("\n") + "\n");
console.log(`wrote ${clean.length} domains from free-email-domains ${pkg.version}`);
