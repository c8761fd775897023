// Where the server may be sent. An endpoint override makes the server call a URL of the
// tenant's choosing; without this check an admin of any organisation could reach the
// server's own network (loopback, private ranges, cloud metadata at 169.254.169.254).
// Hosts named in PRIVATE_HOSTS_ALLOWED (comma-separated, "host" or "host:port") are let
// through: the simulator on localhost in the demo and tests, a private VPC endpoint in
// production.
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { TRPCError } from "@trpc/server";
import { loadEnv, outboundEnv } from "@tunnelwatch/config";

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 4 ? PRIVATE.check(address, "ipv4") : family === 6 ? PRIVATE.check(address, "ipv6") : false;
}

function allowedHosts(source: string | undefined): Set<string> {
  return new Set(
    (source ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

/** Refuses a URL whose host is, or resolves to, a private, loopback or link-local address. */
export async function assertOutboundAllowed(
  rawUrl: string,
  what: string,
  allowList: string | undefined = loadEnv(outboundEnv()).PRIVATE_HOSTS_ALLOWED,
  resolve: (host: string) => Promise<string[]> = async (host) =>
    (await lookup(host, { all: true })).map((entry) => entry.address),
): Promise<void> {
  const url = new URL(rawUrl);
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const allowed = allowedHosts(allowList);
  if (allowed.has(host) || allowed.has(`${host}:${url.port}`)) return;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: `The ${what} host ${host} does not resolve.` });
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The ${what} ${host} is a private, loopback or link-local address (${blocked}). An operator of this Tunnelwatch installation can allow it with PRIVATE_HOSTS_ALLOWED.`,
    });
  }
}
