// Bulk insert of classified log events, idempotent by fingerprint: re-ingesting a page inserts
// nothing new. Returns the fingerprints actually inserted, so only new events fold into incidents.
import type { Prisma, PrismaClient } from "./generated/prisma/client.ts";
import type { LogSource, Severity } from "./generated/prisma/enums.ts";

export interface LogEventRow {
  tenantId: string;
  cloudAccountId: string | null;
  connectionId: string | null;
  tunnelId: string | null;
  source: LogSource;
  stream: string;
  occurredAt: Date;
  raw: string;
  parsed: unknown;
  vendor: string;
  code: string;
  severity: Severity;
  phase: string | null;
  confidence: number;
  evidence: string | null;
  fingerprint: string;
}

type Db = PrismaClient | Prisma.TransactionClient;

/** Inserts rows that are new (by tenant, fingerprint and time); returns the inserted fingerprints. */
export async function insertLogEvents(db: Db, rows: readonly LogEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <K extends keyof LogEventRow>(key: K) => rows.map((r) => r[key]);
  const inserted = await db.$queryRaw<Array<{ fingerprint: string }>>`
    INSERT INTO "TunnelLogEvent" ("tenantId", "cloudAccountId", "connectionId", "tunnelId", "source", "stream",
      "occurredAt", "raw", "parsed", "vendor", "code", "severity", "phase", "confidence", "evidence", "fingerprint")
    SELECT * FROM unnest(
      ${col("tenantId")}::text[], ${col("cloudAccountId")}::text[], ${col("connectionId")}::text[],
      ${col("tunnelId")}::text[], ${col("source")}::"LogSource"[], ${col("stream")}::text[],
      ${col("occurredAt")}::timestamp(3)[], ${col("raw")}::text[],
      ${rows.map((r) => JSON.stringify(r.parsed ?? {}))}::jsonb[], ${col("vendor")}::text[], ${col("code")}::text[],
      ${col("severity")}::"Severity"[], ${col("phase")}::text[], ${col("confidence")}::double precision[],
      ${col("evidence")}::text[], ${col("fingerprint")}::text[]
    )
    ON CONFLICT ("tenantId", "fingerprint", "occurredAt") DO NOTHING
    RETURNING "fingerprint"`;
  return new Set(inserted.map((r) => r.fingerprint));
}
