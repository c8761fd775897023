// Bulk insert of classified log events, idempotent by fingerprint: re-ingesting a page inserts
// nothing new. Returns the fingerprints actually inserted, so only new events fold into incidents.
//
// A page is normally new (the cursor moves in the same transaction as its events), so it is first
// sent as one COPY, the cheapest way into PostgreSQL; if any of its rows is already stored, the
// unique key refuses the COPY, which is undone to a savepoint, and the page goes again as an
// INSERT that skips the rows already there. Both run on the transaction's own connection.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { type SqlConnection, sqlConnection } from "./client.ts";
import type { Prisma } from "./generated/prisma/client.ts";
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

/** Inserts rows that are new (by tenant, fingerprint and time); returns the inserted fingerprints. */
export async function insertLogEvents(
  tx: Prisma.TransactionClient,
  rows: readonly LogEventRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const connection = await sqlConnection(tx);
  await connection.query("SAVEPOINT log_events_copy");
  try {
    await copyRows(connection, rows);
    await connection.query("RELEASE SAVEPOINT log_events_copy");
    return new Set(rows.map((r) => r.fingerprint));
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await connection.query("ROLLBACK TO SAVEPOINT log_events_copy");
  }
  const inserted = new Set<string>();
  for (const group of byOrigin(rows)) {
    for (const fingerprint of await insertOriginGroup(connection, group)) inserted.add(fingerprint);
  }
  return inserted;
}

const UNIQUE_VIOLATION = "23505";

const COLUMNS = [
  "tenantId",
  "cloudAccountId",
  "connectionId",
  "tunnelId",
  "source",
  "stream",
  "occurredAt",
  "raw",
  "parsed",
  "vendor",
  "code",
  "severity",
  "phase",
  "confidence",
  "evidence",
  "fingerprint",
] as const;

const COPY_SQL = `COPY "TunnelLogEvent" (${COLUMNS.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;

async function copyRows(connection: SqlConnection, rows: readonly LogEventRow[]): Promise<void> {
  const lines: string[] = [];
  for (const r of rows) {
    lines.push(
      [
        r.tenantId,
        nullable(r.cloudAccountId),
        nullable(r.connectionId),
        nullable(r.tunnelId),
        r.source,
        copyText(r.stream),
        r.occurredAt.toISOString(),
        copyText(r.raw),
        copyText(storable(JSON.stringify(r.parsed ?? {}))),
        copyText(r.vendor),
        copyText(r.code),
        r.severity,
        nullable(r.phase, copyText),
        r.confidence,
        nullable(r.evidence, copyText),
        r.fingerprint,
      ].join("\t"),
    );
  }
  lines.push("");
  // Buffer.from writes a lone surrogate as U+FFFD, as the INSERT path stores it.
  await pipeline(Readable.from([Buffer.from(lines.join("\n"), "utf8")]), connection.query(copyFrom(COPY_SQL)));
}

// COPY's text format: backslash, newline, carriage return and tab are escaped, \N is NULL.
// PostgreSQL text holds no NUL: it is stored as U+FFFD. Row ids, enum labels, times, numbers and
// fingerprints hold no such characters; every other text is escaped.
const COPY_SPECIAL = /[\\\n\r\t\0]/;
const COPY_SPECIALS = /[\\\n\r\t\0]/g;
const COPY_ESCAPE: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\ufffd" };

function copyText(value: string): string {
  return COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, (c) => COPY_ESCAPE[c] ?? c) : value;
}

function nullable(value: string | null, encode: (value: string) => string = (v) => v): string {
  return value === null ? "\\N" : encode(value);
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

async function insertOriginGroup(connection: SqlConnection, rows: readonly LogEventRow[]): Promise<string[]> {
  const origin = rows[0];
  if (!origin) return [];
  // The batch travels as one JSON document that PostgreSQL unpacks itself (far cheaper for the
  // worker than escaping every value into per-column array literals), holding only what
  // differs between rows. Read as jsonb, each row's parsed fields come out as jsonb without a
  // second parse.
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
