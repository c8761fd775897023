// Where a benchmark's CPU time went: the CPU seconds each process of the machine used between
// two readings (Linux /proc; nothing elsewhere), grouped into the parts of the pipeline.
import { readdirSync, readFileSync } from "node:fs";

export type CpuReading = Map<number, { command: string; seconds: number }>;

/** CPU seconds used so far by each process of this machine, by pid. */
export function cpuSecondsByProcess(): CpuReading {
  const processes: CpuReading = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return processes;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
      processes.set(Number(pid), { command, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // The process ended meanwhile.
    }
  }
  return processes;
}

/**
 * CPU seconds each part used between two readings: the worker process, this process (named by
 * `thisProcess`: the simulator in an end-to-end run), PostgreSQL, Redis, and everything else.
 */
export function cpuByPart(
  before: CpuReading,
  after: CpuReading,
  names: { workerPid?: number; thisProcess: string },
): Record<string, number> {
  const parts: Record<string, number> = { worker: 0, [names.thisProcess]: 0, PostgreSQL: 0, Redis: 0, other: 0 };
  for (const [pid, { command, seconds }] of after) {
    const used = seconds - (before.get(pid)?.seconds ?? 0);
    let part = "other";
    if (pid === names.workerPid) part = "worker";
    else if (pid === process.pid) part = names.thisProcess;
    else if (command === "postgres") part = "PostgreSQL";
    else if (command.startsWith("redis")) part = "Redis";
    parts[part] = (parts[part] ?? 0) + used;
  }
  return parts;
}

/** "worker 58 µs, simulator 17 µs, PostgreSQL 66 µs, ...; 149 µs in all, 1.41 cores busy" */
export function describeCpu(parts: Record<string, number>, items: number, seconds: number): string {
  const used = Object.entries(parts).filter(([, cpuSeconds]) => cpuSeconds > 0);
  if (used.length === 0) return "not measured (no /proc)";
  const total = used.reduce((sum, [, cpuSeconds]) => sum + cpuSeconds, 0);
  const per = (cpuSeconds: number) => `${Math.round((cpuSeconds / items) * 1e6)} µs`;
  return `${used.map(([part, cpuSeconds]) => `${part} ${per(cpuSeconds)}`).join(", ")}; ${per(total)} in all, ${(total / seconds).toFixed(2)} cores busy`;
}
