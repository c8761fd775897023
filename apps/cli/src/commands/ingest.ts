import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import { LineSplitter, MAX_LINE_LENGTH } from "@tunnelwatch/core";
import { type Command, UsageError } from "../command.ts";
import { stdinBytes } from "../read-stdin.ts";

const MAX_LINES = 5_000;
const MAX_BYTES = 900 * 1024;

export const ingest: Command = {
  name: "ingest",
  summary: "Send customer-gateway log lines (stdin) to a connection over the API",
  usage: `tunnelwatch ingest --connection <id> [--tunnel N] [--stream NAME] [--vendor V] [--url URL]

Reads syslog/text lines on stdin (e.g. from your SRX, ASA or strongSwan gateway) and sends
them, in batches, to POST /api/v1/connections/<id>/logs; the worker classifies them and folds
faults into the connection's incidents, exactly as provider logs. Needs TUNNELWATCH_TOKEN (an
API token with the write scope) and the dashboard URL (--url or TUNNELWATCH_URL, default
http://localhost:3000). Each batch carries an Idempotency-Key derived from its content, so
re-running the same input stores nothing twice.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        connection: { type: "string" },
        tunnel: { type: "string" },
        stream: { type: "string" },
        vendor: { type: "string" },
        url: { type: "string" },
      },
    });
    if (!values.connection) throw new UsageError("--connection is required (the connection id shown in the dashboard)");
    const token = io.env.TUNNELWATCH_TOKEN;
    if (!token) throw new UsageError("set TUNNELWATCH_TOKEN to an API token with the write scope");
    const base = values.url ?? io.env.TUNNELWATCH_URL ?? "http://localhost:3000";
    const endpoint = new URL(`/api/v1/connections/${encodeURIComponent(values.connection)}/logs`, base);
    const query = { tunnelIndex: values.tunnel, stream: values.stream, vendor: values.vendor };
    let sent = 0;
    let batches = 0;
    let batch: string[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const body = { lines: batch, ...Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) };
      const key = createHash("sha256")
        .update(`${values.connection}\n${batch.join("\n")}`)
        .digest("hex")
        .slice(0, 40);
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(body),
      });
      if (response.status !== 202) {
        const text = await response.text();
        throw new Error(`${endpoint} answered ${response.status}: ${text.slice(0, 500)}`);
      }
      sent += batch.length;
      batches++;
      batch = [];
      batchBytes = 0;
    };
    const pending: string[] = [];
    const splitter = new LineSplitter(MAX_LINE_LENGTH, (text) => {
      if (text.trim()) pending.push(text);
    });
    for await (const chunk of stdinBytes(io.stdin)) {
      splitter.push(chunk);
      for (const line of pending.splice(0)) {
        if (batch.length >= MAX_LINES || batchBytes + line.length > MAX_BYTES) await flush();
        batch.push(line);
        batchBytes += line.length + 1;
      }
    }
    splitter.end();
    for (const line of pending.splice(0)) {
      if (batch.length >= MAX_LINES || batchBytes + line.length > MAX_BYTES) await flush();
      batch.push(line);
      batchBytes += line.length + 1;
    }
    await flush();
    io.stderr.write(`Sent ${sent} lines in ${batches} batch(es) to ${endpoint.origin}.\n`);
    return 0;
  },
};
