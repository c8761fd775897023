// Reads a set of labelled log lines: the real-line corpus (corpus/) or the documented-format set
// (templates/), one JSON object per line in *.jsonl files (format: corpus/README.md). Used by the
// core's tests and by the classification benchmark.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface LabelledLine {
  vendor: string;
  line: string;
  code: string;
  phase: "1" | "2" | null;
  source: string;
  why: string;
}

export function readLabelledLines(set: "corpus" | "templates"): LabelledLine[] {
  const directory = path.resolve(import.meta.dirname, set);
  return readdirSync(directory)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(path.join(directory, f), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as LabelledLine),
    );
}
