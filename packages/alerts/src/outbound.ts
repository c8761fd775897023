// Where Tunnelwatch may send requests of a tenant's choosing (endpoint overrides, webhooks).
// Without these checks a tenant could reach the server's own network: loopback, private
// ranges, cloud metadata at 169.254.169.254. Hosts on the allow-list (PRIVATE_HOSTS_ALLOWED,
// comma-separated "host" or "host:port") are let through: the simulator on localhost in the
// demo and tests, a private VPC endpoint in production.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

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

export const PRIVATE_ADDRESS_ERROR_CODE = "EPRIVATEADDRESS";

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  return family === 4 ? PRIVATE.check(address, "ipv4") : family === 6 ? PRIVATE.check(address, "ipv6") : false;
}

/** The host of a URL as compared and resolved: lower case, IPv6 without brackets. */
export function urlHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
}

export function urlPort(url: URL): number | null {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : url.protocol === "http:" ? 80 : null;
}

function allowedEntries(allowList: string | undefined): Set<string> {
  return new Set(
    (allowList ?? "")
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  );
}

function allows(allowList: string | undefined, host: string, port: number | null): boolean {
  const entries = allowedEntries(allowList);
  if (entries.has(host)) return true;
  if (port === null) return false;
  return entries.has(`${host}:${port}`) || entries.has(`[${host}]:${port}`);
}

/** Whether the allow-list names the URL's host, alone or with the URL's port. */
export function isHostAllowed(url: URL, allowList: string | undefined): boolean {
  return allows(allowList, urlHost(url), urlPort(url));
}

const PRIVATE_KIND = "a private, loopback or link-local address";

export function privateAddressError(host: string, address: string): NodeJS.ErrnoException {
  const message =
    host === address
      ? `${host} is ${PRIVATE_KIND} and is not in PRIVATE_HOSTS_ALLOWED`
      : `${host} resolves to ${PRIVATE_KIND} (${address}) and is not in PRIVATE_HOSTS_ALLOWED`;
  return Object.assign(new Error(message), { code: PRIVATE_ADDRESS_ERROR_CODE, hostname: host, address });
}

/**
 * A `lookup` for node:net / node:http(s) that refuses to connect when the host resolves to a
 * private address the allow-list does not name. The check is on the addresses actually
 * connected to, so a name that resolves differently later (DNS rebinding) is caught too.
 * Node does not call `lookup` for IP literals: check those before connecting.
 */
export function guardedLookup(allowList: string | undefined, port?: number): LookupFunction {
  return (hostname, options, callback) => {
    const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
    const query: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, query, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, []);
      if (!allows(allowList, host, port ?? null)) {
        const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
        if (blocked) return callback(privateAddressError(host, blocked.address), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) {
        return callback(Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND", hostname }), []);
      }
      callback(null, first.address, first.family);
    });
  };
}

export type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true })).map((entry) => entry.address);

/**
 * Why a URL may not be called, or null when it may: its host is, or resolves to, a private,
 * loopback or link-local address the allow-list does not name, or it does not resolve.
 */
export async function outboundAddressProblem(
  rawUrl: string,
  what: string,
  allowList: string | undefined,
  resolve: Resolve = resolveAll,
): Promise<string | null> {
  const url = new URL(rawUrl);
  const host = urlHost(url);
  if (isHostAllowed(url, allowList)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return `The ${what} host ${host} does not resolve.`;
  }
  const blocked = addresses.find(isPrivateAddress);
  if (!blocked) return null;
  return `The ${what} ${host} is ${PRIVATE_KIND} (${blocked}). An operator of this Tunnelwatch installation can allow it with PRIVATE_HOSTS_ALLOWED.`;
}
