import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FINDING_CODES, LOG_FAULT_CODES } from "./codes.ts";

// The contract lives in shared/design/faults.md beside the repository; when it is there, the
// codes here must be exactly its codes.
const CONTRACT = path.resolve(import.meta.dirname, "../../../../shared/design/faults.md");

function tableCodes(markdown: string, heading: string): string[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith(heading)) ?? "";
  return [...section.matchAll(/^\| `([A-Z0-9_]+)` \|/gm)].map((m) => m[1] as string);
}

describe("fault and finding codes", () => {
  let markdown = "";
  try {
    markdown = readFileSync(CONTRACT, "utf8");
  } catch {
    // Not every checkout has shared/ beside it.
  }

  it.skipIf(!markdown)("match faults.md §1 and §2 exactly", () => {
    expect([...LOG_FAULT_CODES]).toEqual(tableCodes(markdown, "1."));
    expect([...FINDING_CODES]).toEqual(tableCodes(markdown, "2."));
  });

  it("are unique upper snake case", () => {
    for (const codes of [LOG_FAULT_CODES, FINDING_CODES]) {
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });
});
