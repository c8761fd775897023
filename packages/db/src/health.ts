import type { PrismaClient } from "./generated/prisma/client.ts";

export interface DependencyHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

/** Runs `SELECT 1` with a deadline, so a stopped server is reported rather than waited on. */
export async function checkDatabase(prisma: PrismaClient, timeoutMs = 2000): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: describeError(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string } }).cause;
  // Prisma wraps connection errors; the driver's code (ECONNREFUSED...) is the useful part.
  const code = cause?.code;
  // Prisma's raw-query errors quote the driver's message: "... Message: `Can't reach database server at ...`".
  const quoted = /Message: `([^`]+)`/.exec(error.message)?.[1];
  const message = quoted ?? error.message.split("\n").filter(Boolean).at(-1) ?? error.message;
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
