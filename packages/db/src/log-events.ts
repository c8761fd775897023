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
  // The whole batch travels as one JSON document that PostgreSQL unpacks itself: far cheaper
  // for the worker than escaping every value into per-column array literals.
  const batch = JSON.stringify(
    rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString(), parsed: r.parsed ?? {} })),
  );
  const inserted = await db.$queryRaw<Array<{ fingerprint: string }>>`
    INSERT INTO "TunnelLogEvent" ("tenantId", "cloudAccountId", "connectionId", "tunnelId", "source", "stream",
      "occurredAt", "raw", "parsed", "vendor", "code", "severity", "phase", "confidence", "evidence", "fingerprint")
    SELECT r."tenantId", r."cloudAccountId", r."connectionId", r."tunnelId", r."source"::"LogSource", r."stream",
      r."occurredAt"::timestamptz AT TIME ZONE 'UTC', r."raw", r."parsed", r."vendor", r."code",
      r."severity"::"Severity", r."phase", r."confidence", r."evidence", r."fingerprint"
    FROM jsonb_to_recordset(${batch}::jsonb) AS r(
      "tenantId" text, "cloudAccountId" text, "connectionId" text, "tunnelId" text, "source" text, "stream" text,
      "occurredAt" text, "raw" text, "parsed" jsonb, "vendor" text, "code" text, "severity" text, "phase" text,
      "confidence" double precision, "evidence" text, "fingerprint" text)
    ON CONFLICT ("tenantId", "fingerprint", "occurredAt") DO NOTHING
    RETURNING "fingerprint"`;
  return new Set(inserted.map((r) => r.fingerprint));
}
