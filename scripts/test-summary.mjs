// Prints the test totals of every workspace's last vitest run (test-output/vitest.json).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const dir of ["apps", "packages"]) {
  for (const name of readdirSync(dir)) {
    const report = path.join(dir, name, "test-output/vitest.json");
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    rows.push(
      `  ${`${dir}/${name}`.padEnd(22)} ${String(r.numPassedTests).padStart(4)} passed  ${r.numFailedTests} failed`,
    );
  }
}
console.log(`\n${rows.join("\n")}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
