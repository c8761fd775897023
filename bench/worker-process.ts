// The worker process the benchmarks measure: the production bundle (apps/worker/dist/main.js,
// built first, as `npm run start:worker` runs it) against the benchmark's database, on a queue
// prefix of its own. BENCH_VERBOSE=1 shows its log.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORKER_MAIN = path.join(ROOT, "apps/worker/dist/main.js");

/** Builds the worker bundle from the current source (about a second). */
export function buildWorker(): void {
  execFileSync("npm", ["run", "-s", "-w", "@tunnelwatch/worker", "build"], { cwd: ROOT, stdio: "ignore" });
}

export function spawnWorker(options: {
  databaseUrl: string;
  credentialKeys: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): ChildProcess {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), WORKER_MAIN], {
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      QUEUE_PREFIX: `bench-${randomBytes(4).toString("hex")}`,
      CREDENTIALS_KEYS: options.credentialKeys,
      CREDENTIALS_ACTIVE_KEY_ID: "k1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
      ...options.env,
    },
    stdio: ["ignore", "ignore", process.env.BENCH_VERBOSE ? "inherit" : "ignore"],
  });
}
