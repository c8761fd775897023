// Rewrites the two tables of README.md that the corpus files determine: the counts by code and
// vendor family, and the sources with their line counts. Run from this directory after adding
// lines: node --import tsx readme-tables.mjs (the codes come from the core's own list).
import { readFileSync, writeFileSync } from "node:fs";
import { LOG_FAULT_CODES as CODES } from "../../src/codes.ts";

const FAMILIES = [
  "aws",
  "aws-bgp",
  "strongswan",
  "libreswan",
  "alibaba",
  "juniper",
  "cisco-asa",
  "cisco-ios",
  "paloalto",
  "fortinet",
  "other",
];

const counts = new Map();
const sources = new Map();
for (const family of FAMILIES) {
  for (const text of readFileSync(`${family}.jsonl`, "utf8").split("\n")) {
    if (!text.trim()) continue;
    const entry = JSON.parse(text);
    const key = `${entry.code} ${family}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    sources.set(entry.source, (sources.get(entry.source) ?? 0) + 1);
  }
}
const count = (code, family) => counts.get(`${code} ${family}`) ?? 0;
const sum = (values) => values.reduce((a, b) => a + b, 0);

const table = [
  `| code | ${FAMILIES.join(" | ")} | total |`,
  `|${"---|".repeat(FAMILIES.length + 2)}`,
  ...CODES.map(
    (code) =>
      `| ${code} | ${FAMILIES.map((f) => count(code, f) || "").join(" | ")} | ${sum(FAMILIES.map((f) => count(code, f)))} |`,
  ),
  `| **total** | ${FAMILIES.map((f) => sum(CODES.map((c) => count(c, f)))).join(" | ")} | ${sum([...counts.values()])} |`,
].join("\n");
// Sorted by code point, as the list has always been.
const sourceList = [...sources]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([source, n]) => `- ${source} (${n})`)
  .join("\n");

let readme = readFileSync("README.md", "utf8");
const tableStart = readme.indexOf("| code | aws |");
const tableEnd = readme.indexOf("\n\n", tableStart);
readme = readme.slice(0, tableStart) + table + readme.slice(tableEnd);
const sourcesStart = readme.indexOf("## Sources");
const intro = readme.slice(sourcesStart).split("\n- ")[0];
readme = `${readme.slice(0, sourcesStart)}${intro}\n${sourceList}\n`;
writeFileSync("README.md", readme);
console.log(`${sum([...counts.values()])} lines from ${sources.size} sources`);
