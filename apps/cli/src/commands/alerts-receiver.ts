import http from "node:http";
import { parseArgs } from "node:util";
import { verifySignature, type WebhookPayloadV1 } from "@tunnelwatch/alerts";
import { credentialsEnv, dbEnv, loadEnv } from "@tunnelwatch/config";
import {
  type AlertTrigger,
  createPrismaClient,
  newChannelSecret,
  openChannelSecret,
  type PrismaClient,
  parseKeyring,
} from "@tunnelwatch/db";
import { type Command, type CommandIo, UsageError } from "../command.ts";

const CHANNEL_NAME = "Local webhook receiver";
const MAX_BODY_BYTES = 1024 * 1024;

/** The rules the receiver's channel gets: every trigger, folded over five minutes. */
const RULES: Array<{ name: string; trigger: AlertTrigger; minSeverity: "INFO" | "MAJOR" }> = [
  { name: "Tunnel down", trigger: "TUNNEL_DOWN", minSeverity: "MAJOR" },
  { name: "Redundancy lost", trigger: "REDUNDANCY_LOST", minSeverity: "INFO" },
  { name: "Incident opened", trigger: "INCIDENT_OPENED", minSeverity: "INFO" },
  { name: "Incident resolved", trigger: "INCIDENT_RESOLVED", minSeverity: "INFO" },
  { name: "HA grade dropped", trigger: "GRADE_DROPPED", minSeverity: "INFO" },
  { name: "Maintenance on a weak connection", trigger: "MAINTENANCE_ANNOUNCED", minSeverity: "INFO" },
  { name: "Customer gateway down", trigger: "CUSTOMER_GATEWAY_DOWN", minSeverity: "INFO" },
  { name: "Customer gateway recovered", trigger: "CUSTOMER_GATEWAY_RECOVERED", minSeverity: "INFO" },
  { name: "Configuration changed", trigger: "CONFIG_CHANGED", minSeverity: "INFO" },
];

/** The organisation's receiver channel pointing at `url`, with its rules, and its signing secret. */
async function ensureChannel(
  prisma: PrismaClient,
  keyring: ReturnType<typeof parseKeyring>,
  tenantSlug: string,
  url: string,
) {
  const tenant = await prisma.tenant.findUnique({ where: { slug: tenantSlug }, select: { id: true, name: true } });
  if (!tenant) throw new UsageError(`no organisation with slug "${tenantSlug}"`);
  let channel = await prisma.alertChannel.findFirst({
    where: { tenantId: tenant.id, name: CHANNEL_NAME },
    select: { id: true, secretCipher: true, secretKeyId: true },
  });
  if (!channel) {
    const sealed = newChannelSecret(keyring, tenant.id);
    channel = await prisma.alertChannel.create({
      data: {
        tenantId: tenant.id,
        kind: "WEBHOOK",
        name: CHANNEL_NAME,
        config: { url, format: "json" },
        secretCipher: sealed.secretCipher,
        secretKeyId: sealed.secretKeyId,
      },
      select: { id: true, secretCipher: true, secretKeyId: true },
    });
  } else {
    await prisma.alertChannel.update({ where: { id: channel.id }, data: { config: { url, format: "json" } } });
  }
  for (const rule of RULES) {
    const name = `${rule.name} (local receiver)`;
    const exists = await prisma.alertRule.findFirst({ where: { tenantId: tenant.id, name }, select: { id: true } });
    if (exists) continue;
    await prisma.alertRule.create({
      data: {
        tenantId: tenant.id,
        name,
        trigger: rule.trigger,
        minSeverity: rule.minSeverity,
        quietPeriodSec: 300,
        channels: { create: [{ channelId: channel.id }] },
      },
    });
  }
  return { tenant, secret: openChannelSecret(keyring, { tenantId: tenant.id, ...channel }) };
}

function describe(payload: WebhookPayloadV1): string {
  const where = payload.connection
    ? `${payload.connection.name}${payload.tunnel ? ` tunnel ${payload.tunnel.index}` : ""}`
    : payload.tenant.name;
  const folded = payload.folded ? ` (${payload.folded.count} events)` : "";
  return `${payload.severity.padEnd(8)} ${payload.type.padEnd(22)} ${where}: ${payload.summary}${folded}`;
}

/** `checking.secret` may be set after the server listens (the organisation's channel is made after). */
function listen(port: number, checking: { secret: string | null }, io: CommandIo): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      const time = new Date().toISOString().slice(11, 19);
      if (size > MAX_BODY_BYTES) {
        res.writeHead(413).end("too large");
        return;
      }
      const body = Buffer.concat(chunks).toString("utf8");
      const { secret } = checking;
      const signed = secret ? verifySignature(secret, req.headers["x-tunnelwatch-signature"] as string, body) : null;
      if (signed === false) {
        io.stdout.write(`${time} rejected: bad or missing signature\n`);
        res.writeHead(401).end("bad signature");
        return;
      }
      try {
        const payload = JSON.parse(body) as WebhookPayloadV1;
        io.stdout.write(`${time} ${signed ? "signed " : "       "} ${describe(payload)}\n`);
        res.writeHead(204).end();
      } catch {
        io.stdout.write(`${time} rejected: the body is not JSON\n`);
        res.writeHead(400).end("not json");
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

export const alertsReceiver: Command = {
  name: "alerts:receiver",
  summary: "Receive alert webhooks locally, check their signatures and print them (demo and trials)",
  usage: `tunnelwatch alerts:receiver [--port 4567] [--tenant <slug> | --secret <whsec_...>]

Listens on 127.0.0.1 for Tunnelwatch alert webhooks, checks each request's
X-Tunnelwatch-Signature and prints one line per alert. With --tenant, it also gives that
organisation a "${CHANNEL_NAME}" channel pointing here, with a rule for every trigger
(5-minute quiet period), and checks signatures with that channel's secret. With --secret, it
only checks signatures with the secret given. Runs until interrupted.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { port: { type: "string" }, tenant: { type: "string" }, secret: { type: "string" } },
    });
    const port = Number(values.port ?? 4567);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError("--port is a TCP port number");
    if (values.tenant && values.secret) throw new UsageError("give --tenant or --secret, not both");
    const checking = { secret: values.secret ?? null };
    const url = `http://127.0.0.1:${port}/alerts`;
    // Listen first: a port in use fails before the organisation gets a channel pointing here.
    const server = await listen(port, checking, io);
    if (values.tenant) {
      const env = loadEnv({ ...dbEnv(), ...credentialsEnv() }, io.env);
      const prisma = createPrismaClient(env.DATABASE_URL, { maxConnections: 2 });
      try {
        const keyring = parseKeyring(env.CREDENTIALS_KEYS, env.CREDENTIALS_ACTIVE_KEY_ID);
        const ensured = await ensureChannel(prisma, keyring, values.tenant, url);
        checking.secret = ensured.secret;
        io.stdout.write(`Alerts of ${ensured.tenant.name} go to ${url} (channel "${CHANNEL_NAME}").\n`);
      } catch (error) {
        server.close();
        throw error;
      } finally {
        await prisma.$disconnect();
      }
    }
    io.stdout.write(`Listening on ${url}${checking.secret ? ", checking signatures" : ""}. Ctrl-C stops.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};
