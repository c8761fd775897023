// Bulk insert of classified log events, idempotent by fingerprint: re-ingesting a page inserts
// nothing new. Returns the fingerprints actually inserted, so only new events fold into incidents.
import { sqlConnection } from "./client.ts";
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
  const inserted = new Set<string>();
  for (const group of byOrigin(rows)) {
    for (const fingerprint of await insertOriginGroup(db, group)) inserted.add(fingerprint);
  }
  return inserted;
}

/** Rows of one page share their tenant, account, connection, tunnel, source and stream. */
function byOrigin(rows: readonly LogEventRow[]): LogEventRow[][] {
  const groups = new Map<string, LogEventRow[]>();
  for (const row of rows) {
    const key = [row.tenantId, row.cloudAccountId, row.connectionId, row.tunnelId, row.source, row.stream].join(
      "\u0000",
    );
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

// PostgreSQL text and jsonb hold neither NUL nor half a surrogate pair: a line with one is
// stored with U+FFFD in its place rather than failing its whole page. JSON.stringify writes
// both as \u escapes (\u0000, \ud800); an escaped backslash before "u0000" (an even run of
// backslashes) is text and stays.
const UNSTORABLE = /\\u(?:0000|d[89a-f])/;
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

function storable(json: string): string {
  return UNSTORABLE.test(json) ? json.replace(UNSTORABLE_ESCAPE, "$1\\ufffd") : json;
}

async function insertOriginGroup(db: Db, rows: readonly LogEventRow[]): Promise<string[]> {
  const origin = rows[0];
  if (!origin) return [];
  // The batch travels as one JSON document that PostgreSQL unpacks itself (far cheaper for the
  // worker than escaping every value into per-column array literals), holding only what
  // differs between rows. Read as jsonb, each row's parsed fields come out as jsonb without a
  // second parse. It goes over pg directly: Prisma would serialise and parse the document again.
  const batch = storable(
    JSON.stringify(
      rows.map((r) => ({
        occurredAt: r.occurredAt.toISOString(),
        raw: r.raw,
        parsed: r.parsed ?? {},
        vendor: r.vendor,
        code: r.code,
        severity: r.severity,
        phase: r.phase,
        confidence: r.confidence,
        evidence: r.evidence,
        fingerprint: r.fingerprint,
      })),
    ),
  );
  const connection = await sqlConnection(db);
  const inserted = await connection.query<{ fingerprint: string }>(
    `INSERT INTO "TunnelLogEvent" ("tenantId", "cloudAccountId", "connectionId", "tunnelId", "source", "stream",
      "occurredAt", "raw", "parsed", "vendor", "code", "severity", "phase", "confidence", "evidence", "fingerprint")
    SELECT $1, $2, $3, $4, $5::"LogSource", $6,
      r."occurredAt"::timestamptz AT TIME ZONE 'UTC', r."raw", r."parsed", r."vendor", r."code",
      r."severity"::"Severity", r."phase", r."confidence", r."evidence", r."fingerprint"
    FROM jsonb_to_recordset($7::jsonb) AS r(
      "occurredAt" text, "raw" text, "parsed" jsonb, "vendor" text, "code" text, "severity" text, "phase" text,
      "confidence" double precision, "evidence" text, "fingerprint" text)
    ON CONFLICT ("tenantId", "fingerprint", "occurredAt") DO NOTHING
    RETURNING "fingerprint"`,
    [origin.tenantId, origin.cloudAccountId, origin.connectionId, origin.tunnelId, origin.source, origin.stream, batch],
  );
  return inserted.rows.map((r) => r.fingerprint);
}
