// Reads the real-line corpus (packages/core/test/corpus) for benchmarks and generators.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface CorpusLine {
  vendor: string;
  line: string;
  code: string;
  phase: string | null;
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../packages/core/test/corpus");

export function readCorpus(): CorpusLine[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(path.join(CORPUS_DIR, f), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as CorpusLine),
    );
}

/** A small deterministic PRNG (mulberry32), so generated inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
