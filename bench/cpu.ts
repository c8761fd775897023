// Where a benchmark's CPU time went: the CPU seconds each process of the machine used between
// two readings (Linux /proc; nothing elsewhere), grouped into the parts of the pipeline.
import { readdirSync, readFileSync } from "node:fs";

export interface CpuReading {
  processes: Map<number, { command: string; role: string; seconds: number }>;
  /** Busy CPU seconds of the whole machine (/proc/stat), including processes that have ended. */
  machineSeconds: number;
}

// PostgreSQL names each process's role in its command line, after the cluster's name:
// "postgres: 15/main: walwriter", "postgres: 15/main: autovacuum worker db", and for a client
// backend "postgres: 15/main: user db host(port) state".
const POSTGRES_ROLES = [
  "autovacuum worker",
  "autovacuum launcher",
  "walwriter",
  "checkpointer",
  "background writer",
  "parallel worker",
  "logical replication",
];

function postgresRole(pid: string): string {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim();
    if (!title.startsWith("postgres:")) return "postmaster";
    const rest = title.replace(/^postgres: (?:[^:]+: )?/, "");
    if (/^\S+ \S+ [\w.:[\]-]+\(\d+\)/.test(rest)) return "client backends";
    return POSTGRES_ROLES.find((role) => rest.startsWith(role)) ?? "other";
  } catch {
    return "postmaster";
  }
}

function machineBusySeconds(): number {
  try {
    const [, ...ticks] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal
    const busy =
      (ticks[0] ?? 0) + (ticks[1] ?? 0) + (ticks[2] ?? 0) + (ticks[5] ?? 0) + (ticks[6] ?? 0) + (ticks[7] ?? 0);
    return busy / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each process of this machine, by pid, and by the machine. */
export function cpuSecondsByProcess(): CpuReading {
  const processes: CpuReading["processes"] = new Map();
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return { processes, machineSeconds: 0 };
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime and stime, in clock ticks (USER_HZ, 100 on Linux).
      const role = command === "postgres" ? postgresRole(pid) : command;
      processes.set(Number(pid), { command, role, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // The process ended meanwhile.
    }
  }
  return { processes, machineSeconds: machineBusySeconds() };
}

/**
 * CPU seconds each part used between two readings: the worker process, this process (named by
 * `thisProcess`: the simulator in an end-to-end run), PostgreSQL by role, Redis, everything else,
 * and what the machine used beyond the processes still running at the end (processes that ended
 * meanwhile, such as autovacuum workers, and the kernel's own work).
 */
export function cpuByPart(
  before: CpuReading,
  after: CpuReading,
  names: { workerPid?: number; thisProcess: string },
): { parts: Record<string, number>; postgres: Record<string, number>; unattributed: number } {
  const parts: Record<string, number> = { worker: 0, [names.thisProcess]: 0, PostgreSQL: 0, Redis: 0, other: 0 };
  const postgres: Record<string, number> = {};
  let attributed = 0;
  for (const [pid, { command, role, seconds }] of after.processes) {
    const used = seconds - (before.processes.get(pid)?.seconds ?? 0);
    attributed += used;
    let part = "other";
    if (pid === names.workerPid) part = "worker";
    else if (pid === process.pid) part = names.thisProcess;
    else if (command === "postgres") {
      part = "PostgreSQL";
      postgres[role] = (postgres[role] ?? 0) + used;
    } else if (command.startsWith("redis")) part = "Redis";
    parts[part] = (parts[part] ?? 0) + used;
  }
  const unattributed = Math.max(0, after.machineSeconds - before.machineSeconds - attributed);
  return { parts, postgres, unattributed };
}

/** "worker 58 µs, simulator 17 µs, PostgreSQL 66 µs (client backends 60 µs, ...), ...; 149 µs in all, 1.41 cores busy" */
export function describeCpu(
  { parts, postgres, unattributed }: ReturnType<typeof cpuByPart>,
  items: number,
  seconds: number,
): string {
  const used = Object.entries(parts).filter(([, cpuSeconds]) => cpuSeconds > 0);
  if (used.length === 0) return "not measured (no /proc)";
  const per = (cpuSeconds: number) => `${Math.round((cpuSeconds / items) * 1e6)} µs`;
  const roles = Object.entries(postgres)
    .filter(([, cpuSeconds]) => cpuSeconds / items >= 0.5e-6)
    .sort((a, b) => b[1] - a[1])
    .map(([role, cpuSeconds]) => `${role} ${per(cpuSeconds)}`)
    .join(", ");
  const total = used.reduce((sum, [, cpuSeconds]) => sum + cpuSeconds, 0) + unattributed;
  const described = used.map(([part, cpuSeconds]) =>
    part === "PostgreSQL" && roles ? `${part} ${per(cpuSeconds)} (${roles})` : `${part} ${per(cpuSeconds)}`,
  );
  if (unattributed / items >= 0.5e-6) described.push(`ended processes and kernel ${per(unattributed)}`);
  return `${described.join(", ")}; ${per(total)} in all, ${(total / seconds).toFixed(2)} cores busy`;
}
