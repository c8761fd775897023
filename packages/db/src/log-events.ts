// Bulk insert of classified log events, idempotent by fingerprint: re-ingesting a page inserts
// nothing new. Returns the fingerprints actually inserted, so only new events fold into incidents.
//
// A page is normally new (the cursor moves in the same transaction as its events), so it is sent
// as one COPY, the cheapest way into PostgreSQL; if any of its rows is already stored, the unique
// key refuses the COPY, which is undone to a savepoint, and the page is copied into a scratch
// table and inserted from there skipping the rows already stored. Both run on the transaction's
// own connection.
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
  /** The classifier's rule id (Classification.rule). */
  rule: string | null;
  fingerprint: string;
}

/** Inserts rows that are new (by tenant, fingerprint and time); returns the inserted fingerprints. */
export async function insertLogEvents(
  tx: Prisma.TransactionClient,
  rows: readonly LogEventRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const connection = await sqlConnection(tx);
  const page = copyText(rows);
  await connection.query("SAVEPOINT log_events_copy");
  try {
    await copy(connection, `"TunnelLogEvent"`, page);
    await connection.query("RELEASE SAVEPOINT log_events_copy");
    return new Set(rows.map((r) => r.fingerprint));
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await connection.query("ROLLBACK TO SAVEPOINT log_events_copy");
  }
  // Some rows are stored already: the page goes through a scratch table of the same columns and
  // only the new rows are inserted.
  await connection.query(
    `CREATE TEMPORARY TABLE log_event_page AS SELECT ${COLUMN_LIST} FROM "TunnelLogEvent" WITH NO DATA`,
  );
  await copy(connection, "log_event_page", page);
  const inserted = await connection.query<{ fingerprint: string }>(
    `INSERT INTO "TunnelLogEvent" (${COLUMN_LIST}) SELECT ${COLUMN_LIST} FROM log_event_page
     ON CONFLICT ("tenantId", "fingerprint", "occurredAt") DO NOTHING RETURNING "fingerprint"`,
  );
  await connection.query("DROP TABLE log_event_page");
  return new Set(inserted.rows.map((r) => r.fingerprint));
}

const UNIQUE_VIOLATION = "23505";

// COPY's text format: backslash, newline, carriage return and tab are escaped, \N is NULL.
// PostgreSQL text holds no NUL: it is stored as U+FFFD. Row ids, enum labels, times, numbers and
// fingerprints hold no such characters; every other text is escaped.
const SPECIAL = /[\\\n\r\t\0]/;
const SPECIALS = /[\\\n\r\t\0]/g;
const ESCAPE: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\ufffd" };

function text(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPE[c] ?? c) : value;
}

function nullable(value: string | null, encode: (value: string) => string = (v) => v): string {
  return value === null ? "\\N" : encode(value);
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

/** The stored columns, in COPY order, each with its text-format encoding. */
const COLUMNS: ReadonlyArray<readonly [string, (r: LogEventRow) => string | number]> = [
  ["tenantId", (r) => r.tenantId],
  ["cloudAccountId", (r) => nullable(r.cloudAccountId)],
  ["connectionId", (r) => nullable(r.connectionId)],
  ["tunnelId", (r) => nullable(r.tunnelId)],
  ["source", (r) => r.source],
  ["stream", (r) => text(r.stream)],
  ["occurredAt", (r) => r.occurredAt.toISOString()],
  ["raw", (r) => text(r.raw)],
  ["parsed", (r) => text(storable(JSON.stringify(r.parsed ?? {})))],
  ["vendor", (r) => text(r.vendor)],
  ["code", (r) => text(r.code)],
  ["severity", (r) => r.severity],
  ["phase", (r) => nullable(r.phase, text)],
  ["confidence", (r) => r.confidence],
  ["evidence", (r) => nullable(r.evidence, text)],
  ["rule", (r) => nullable(r.rule, text)],
  ["fingerprint", (r) => r.fingerprint],
];

const COLUMN_LIST = COLUMNS.map(([name]) => `"${name}"`).join(", ");

/** The rows in COPY's text format. Buffer.from writes a lone surrogate as U+FFFD. */
function copyText(rows: readonly LogEventRow[]): Buffer {
  let page = "";
  for (const row of rows) page += `${COLUMNS.map(([, encode]) => encode(row)).join("\t")}\n`;
  return Buffer.from(page, "utf8");
}

async function copy(connection: SqlConnection, table: string, page: Buffer): Promise<void> {
  await pipeline(Readable.from([page]), connection.query(copyFrom(`COPY ${table} (${COLUMN_LIST}) FROM STDIN`)));
}
