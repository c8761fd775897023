// CloudWatch Logs (JSON 1.1): FilterLogEvents and DescribeLogStreams over the tunnel activity and BGP
// log groups. One group of each kind per account (same name in every region), one stream per tunnel
// endpoint named "<vpn id>_<outside ip>", so a replaced endpoint starts a new stream.
import type { ServerResponse } from "node:http";
import type { SimContext } from "./context.ts";
import type { AwsAccount, SimConnection, SimTunnel } from "./fleet.ts";
import { send } from "./http-util.ts";
import { hash32, rng } from "./prng.ts";
import { renderAwsBgpRecord, renderAwsTunnelRecord } from "./render.ts";
import type { SimEvent } from "./scenario.ts";

/** How far one FilterLogEvents call scans before handing back a nextToken (possibly with no events). */
const SCAN_CHUNK_MS = 5 * 60_000;
const MAX_CHUNKS_PER_CALL = 12;
const MAX_PAGE_BYTES = 1_048_576;

export function jsonError(res: ServerResponse, status: number, type: string, message: string) {
  send(res, status, JSON.stringify({ __type: type, message }), "application/x-amz-json-1.1", {
    "x-amzn-errortype": type,
    "x-amzn-requestid": crypto.randomUUID(),
  });
}

/** An IAM denial of a JSON-protocol action, as CloudWatch Logs and AWS Health word it (`AccessDenied` from CloudWatch metrics). */
export function jsonAccessDenied(
  res: ServerResponse,
  account: AwsAccount,
  permission: string,
  type: "AccessDeniedException" | "AccessDenied" = "AccessDeniedException",
) {
  jsonError(
    res,
    400,
    type,
    `User: arn:aws:iam::${account.awsAccountId}:user/tunnelwatch is not authorized to perform: ${permission}`,
  );
}

export function jsonOk(res: ServerResponse, value: unknown) {
  send(res, 200, JSON.stringify(value), "application/x-amz-json-1.1", { "x-amzn-requestid": crypto.randomUUID() });
}

export type AwsLogKind = "tunnel" | "bgp";

/** CloudWatch's 56 digits: the time, then 64 bits of the event's key drawn out to 43 digits. */
export function eventId(e: SimEvent): string {
  const high = hash32(e.key);
  const low = hash32(e.key, "low");
  const more = rng(high, low);
  let digits = String(high).padStart(10, "0") + String(low).padStart(10, "0");
  while (digits.length < 43) digits += String(Math.floor(more.next() * 1e10)).padStart(10, "0");
  return String(e.ts).padStart(13, "0") + digits.slice(0, 43);
}

export function streamName(e: SimEvent): string {
  return `${e.connection.id}_${e.outsideIp}`;
}

export interface LoggedTunnel {
  connection: SimConnection;
  tunnel: SimTunnel;
}

export function loggedTunnels(ctx: SimContext, account: AwsAccount, region: string, kind: AwsLogKind): LoggedTunnel[] {
  const out: LoggedTunnel[] = [];
  for (const connection of ctx.connectionsOf(account.id, region)) {
    for (const tunnel of connection.tunnels) {
      if (kind === "tunnel" ? tunnel.loggingEnabled : tunnel.bgpLoggingEnabled) out.push({ connection, tunnel });
    }
  }
  return out;
}

export function awsEvents(ctx: SimContext, tunnels: LoggedTunnel[], kind: AwsLogKind, from: number, to: number) {
  const out: SimEvent[] = [];
  for (const { connection, tunnel } of tunnels) {
    for (const e of ctx.visibleEvents(connection, tunnel, from, to)) if (e.channel === kind) out.push(e);
  }
  return out;
}

export function renderAws(e: SimEvent): string {
  return e.channel === "bgp" ? renderAwsBgpRecord(e) : renderAwsTunnelRecord(e);
}

function resolveGroup(
  account: AwsAccount,
  region: string,
  input: Record<string, unknown>,
): { kind: AwsLogKind } | { error: [string, string] } {
  const name = typeof input.logGroupName === "string" ? input.logGroupName : undefined;
  const identifier = typeof input.logGroupIdentifier === "string" ? input.logGroupIdentifier : undefined;
  if ((name === undefined) === (identifier === undefined)) {
    return {
      error: ["InvalidParameterException", "Exactly one of logGroupName or logGroupIdentifier must be specified."],
    };
  }
  let groupName = name ?? identifier ?? "";
  const arn = /^arn:aws[\w-]*:logs:([^:]+):(\d{12}):log-group:(.+?)(?::\*)?$/.exec(groupName);
  if (arn) {
    if (arn[1] !== region || arn[2] !== account.awsAccountId) {
      return { error: ["ResourceNotFoundException", "The specified log group does not exist."] };
    }
    groupName = arn[3] ?? "";
  }
  if (!account.regions.includes(region))
    return { error: ["ResourceNotFoundException", "The specified log group does not exist."] };
  if (groupName === account.logGroupName) return { kind: "tunnel" };
  if (groupName === account.bgpLogGroupName) return { kind: "bgp" };
  return { error: ["ResourceNotFoundException", "The specified log group does not exist."] };
}

interface FilterToken {
  q: number;
  pos: number;
  after: string | null;
}

/** Plain-text filter patterns: every term (or quoted phrase) must occur; JSON/space-delimited ones are refused. */
function compilePattern(pattern: string | undefined): ((message: string) => boolean) | "unsupported" {
  if (!pattern || pattern.trim() === "") return () => true;
  const p = pattern.trim();
  if (p.startsWith("{") || p.startsWith("[")) return "unsupported";
  const terms = [...p.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? "");
  return (message) => terms.every((term) => message.includes(term));
}

export function handleLogs(
  ctx: SimContext,
  action: string,
  input: Record<string, unknown>,
  res: ServerResponse,
  account: AwsAccount,
  region: string,
) {
  if (ctx.isDenied(account.id, `logs:${action}`)) return jsonAccessDenied(res, account, `logs:${action}`);
  const group = resolveGroup(account, region, input);
  if ("error" in group) return jsonError(res, 400, group.error[0], group.error[1]);

  if (action === "FilterLogEvents") return filterLogEvents(ctx, input, res, account, region, group.kind);
  if (action === "DescribeLogStreams") return describeLogStreams(ctx, input, res, account, region, group.kind);
  return jsonError(res, 400, "UnknownOperationException", `Operation ${action} is not supported by this simulator.`);
}

function filterLogEvents(
  ctx: SimContext,
  input: Record<string, unknown>,
  res: ServerResponse,
  account: AwsAccount,
  region: string,
  kind: AwsLogKind,
) {
  const names = Array.isArray(input.logStreamNames) ? (input.logStreamNames as unknown[]).map(String) : undefined;
  const prefix = typeof input.logStreamNamePrefix === "string" ? input.logStreamNamePrefix : undefined;
  if (names && prefix !== undefined) {
    return jsonError(
      res,
      400,
      "InvalidParameterException",
      "logStreamNames and logStreamNamePrefix are mutually exclusive.",
    );
  }
  if (names && (names.length === 0 || names.length > 100)) {
    return jsonError(res, 400, "InvalidParameterException", "logStreamNames must hold between 1 and 100 names.");
  }
  const limitRaw = input.limit === undefined ? 10_000 : Number(input.limit);
  if (!Number.isInteger(limitRaw) || limitRaw < 1 || limitRaw > 10_000) {
    return jsonError(
      res,
      400,
      "InvalidParameterException",
      "1 validation error detected: limit must be between 1 and 10000.",
    );
  }
  const matches = compilePattern(typeof input.filterPattern === "string" ? input.filterPattern : undefined);
  if (matches === "unsupported") {
    return jsonError(res, 400, "InvalidParameterException", "The simulator only supports plain-text filter patterns.");
  }
  const now = ctx.now();
  const start = Math.max(ctx.originMs(), input.startTime === undefined ? 0 : Number(input.startTime));
  const end = Math.min(now, input.endTime === undefined ? now : Number(input.endTime));
  const fingerprint = hash32(
    JSON.stringify([
      input.logGroupName,
      input.logGroupIdentifier,
      names,
      prefix,
      input.startTime,
      input.endTime,
      input.filterPattern,
    ]),
  );
  let token: FilterToken = { q: fingerprint, pos: start, after: null };
  if (typeof input.nextToken === "string") {
    try {
      token = JSON.parse(Buffer.from(input.nextToken, "base64url").toString("utf8")) as FilterToken;
    } catch {
      return jsonError(res, 400, "InvalidParameterException", "The specified nextToken is invalid.");
    }
    if (token.q !== fingerprint || typeof token.pos !== "number") {
      return jsonError(res, 400, "InvalidParameterException", "The specified nextToken is invalid.");
    }
  }
  let tunnels = loggedTunnels(ctx, account, region, kind);
  if (names) tunnels = tunnels.filter((t) => names.some((n) => n.startsWith(`${t.connection.id}_`)));
  if (prefix)
    tunnels = tunnels.filter((t) => prefix.startsWith(`${t.connection.id}`) || t.connection.id.startsWith(prefix));
  const wanted = (e: SimEvent) => {
    const stream = streamName(e);
    if (names && !names.includes(stream)) return false;
    if (prefix && !stream.startsWith(prefix)) return false;
    return true;
  };

  const events: {
    eventId: string;
    ingestionTime: number;
    logStreamName: string;
    message: string;
    timestamp: number;
  }[] = [];
  let bytes = 0;
  let pos = token.pos;
  let after = token.after;
  let chunks = 0;
  while (pos <= end) {
    const chunkEnd = Math.min(pos + SCAN_CHUNK_MS - 1, end);
    const chunk = awsEvents(ctx, tunnels, kind, pos, chunkEnd)
      .filter(wanted)
      .map((e) => ({ e, id: eventId(e) }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const { e, id } of chunk) {
      if (after !== null && id <= after) continue;
      const message = renderAws(e);
      if (!matches(message)) continue;
      const size = Buffer.byteLength(message) + 26;
      if (events.length > 0 && bytes + size > MAX_PAGE_BYTES) {
        return jsonOk(res, { events, searchedLogStreams: [], nextToken: encodeToken({ q: fingerprint, pos, after }) });
      }
      bytes += size;
      events.push({
        eventId: id,
        ingestionTime: e.ts + 200 + (hash32(e.key, "ingest") % 2000),
        logStreamName: streamName(e),
        message,
        timestamp: e.ts,
      });
      after = id;
      if (events.length >= limitRaw) {
        const more = chunk[chunk.length - 1]?.id !== id || chunkEnd < end;
        return jsonOk(res, {
          events,
          searchedLogStreams: [],
          ...(more ? { nextToken: encodeToken({ q: fingerprint, pos, after }) } : {}),
        });
      }
    }
    pos = chunkEnd + 1;
    after = null;
    chunks++;
    if (chunks >= MAX_CHUNKS_PER_CALL && pos <= end) {
      return jsonOk(res, { events, searchedLogStreams: [], nextToken: encodeToken({ q: fingerprint, pos, after }) });
    }
  }
  return jsonOk(res, { events, searchedLogStreams: [] });
}

function encodeToken(token: FilterToken): string {
  return Buffer.from(JSON.stringify(token)).toString("base64url");
}

/** Every stream (endpoint generation) of the group that has existed since the log origin. */
export function logStreams(ctx: SimContext, account: AwsAccount, region: string, kind: AwsLogKind) {
  const now = ctx.now();
  const origin = ctx.originMs();
  const streams = new Map<
    string,
    { name: string; creationTime: number; connection: SimConnection; tunnel: SimTunnel }
  >();
  for (const { connection, tunnel } of loggedTunnels(ctx, account, region, kind)) {
    const points = [origin, now];
    for (const c of ctx.scenario.conditions(connection, tunnel, origin, now + 1)) {
      if (c.kind === "maintenance" && c.start >= origin && c.start <= now) points.push(c.start);
    }
    for (const p of points.sort((a, b) => a - b)) {
      const name = `${connection.id}_${ctx.scenario.outsideIpAt(connection, tunnel, p)}`;
      if (!streams.has(name)) streams.set(name, { name, creationTime: p, connection, tunnel });
    }
  }
  return [...streams.values()];
}

function describeLogStreams(
  ctx: SimContext,
  input: Record<string, unknown>,
  res: ServerResponse,
  account: AwsAccount,
  region: string,
  kind: AwsLogKind,
) {
  const prefix = typeof input.logStreamNamePrefix === "string" ? input.logStreamNamePrefix : "";
  const limit = Math.min(50, Math.max(1, Number(input.limit ?? 50)));
  const offset = typeof input.nextToken === "string" ? Number(Buffer.from(input.nextToken, "base64url").toString()) : 0;
  const group = kind === "tunnel" ? account.logGroupName : account.bgpLogGroupName;
  const all = logStreams(ctx, account, region, kind)
    .filter((s) => s.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (input.descending === true) all.reverse();
  const page = all.slice(offset, offset + limit).map((s) => ({
    logStreamName: s.name,
    creationTime: s.creationTime,
    arn: `arn:aws:logs:${region}:${account.awsAccountId}:log-group:${group}:log-stream:${s.name}`,
    storedBytes: 0,
  }));
  const next = offset + limit < all.length ? Buffer.from(String(offset + limit)).toString("base64url") : undefined;
  return jsonOk(res, { logStreams: page, ...(next ? { nextToken: next } : {}) });
}
