// The normalised VPN connection: what every provider client produces and what posture
// evaluation reads. Fields a provider does not report are left out, never guessed.
import { z } from "zod";
import { PROVIDERS } from "./codes.ts";

const ikeVersion = z.enum(["ikev1", "ikev2"]);

export const tunnelOptionsSchema = z.object({
  ikeVersions: z.array(ikeVersion).optional(),
  ikeMode: z.enum(["main", "aggressive"]).optional(),
  phase1LifetimeSec: z.number().int().positive().optional(),
  phase2LifetimeSec: z.number().int().positive().optional(),
  rekeyMarginSec: z.number().int().nonnegative().optional(),
  rekeyFuzzPct: z.number().int().min(0).max(100).optional(),
  replayWindow: z.number().int().positive().optional(),
  dpdEnabled: z.boolean().optional(),
  dpdTimeoutSec: z.number().int().positive().optional(),
  /** AWS: clear | none | restart. Alibaba and MuleSoft report DPD as on/off only. */
  dpdTimeoutAction: z.enum(["clear", "none", "restart"]).optional(),
  phase1Encryption: z.array(z.string()).optional(),
  phase1Integrity: z.array(z.string()).optional(),
  phase1DhGroups: z.array(z.number().int()).optional(),
  phase2Encryption: z.array(z.string()).optional(),
  phase2Integrity: z.array(z.string()).optional(),
  /** Phase 2 DH groups offered; an empty list means no PFS. */
  phase2DhGroups: z.array(z.number().int()).optional(),
  pfsEnabled: z.boolean().optional(),
  /** add: the provider only responds; start: it initiates. */
  startupAction: z.enum(["add", "start"]).optional(),
  natTraversal: z.boolean().optional(),
  loggingEnabled: z.boolean().optional(),
});
export type TunnelOptions = z.infer<typeof tunnelOptionsSchema>;

export const tunnelBgpSchema = z.object({
  status: z.enum(["up", "down"]).optional(),
  /** AS path the provider learns over this tunnel for the customer's prefixes. */
  receivedAsPath: z.array(z.number().int()).optional(),
  advertisedAsPath: z.array(z.number().int()).optional(),
  /** Customer-gateway preference for routes learned over this tunnel. */
  weight: z.number().int().optional(),
  localPreference: z.number().int().optional(),
  med: z.number().int().optional(),
});

export const tunnelSchema = z.object({
  /** Position in the connection, 1-based. */
  index: z.number().int().min(1),
  /** Empty while the tunnel is provisioned; changes when the provider replaces the endpoint. */
  outsideIp: z.string().nullable().optional(),
  insideCidr: z.string().nullable().optional(),
  status: z.enum(["UP", "DOWN", "UNKNOWN"]),
  statusMessage: z.string().nullable().optional(),
  lastStatusChange: z.iso.datetime({ offset: true }).nullable().optional(),
  acceptedRouteCount: z.number().int().nonnegative().nullable().optional(),
  options: tunnelOptionsSchema.default({}),
  bgp: tunnelBgpSchema.optional(),
  /** Seconds since traffic last crossed the tunnel, where the provider or gateway reports it. */
  idleSeconds: z.number().nonnegative().optional(),
  pendingMaintenance: z
    .object({
      description: z.string().optional(),
      autoAppliedAfter: z.iso.datetime({ offset: true }).nullable().optional(),
    })
    .nullable()
    .optional(),
});
export type NormalizedTunnel = z.infer<typeof tunnelSchema>;

/** Alibaba VPN Gateway health check of an IPsec connection (VcoHealthCheck). */
export const healthCheckSchema = z.object({
  tunnelIndex: z.number().int().min(1).optional(),
  enabled: z.boolean(),
  sourceIp: z.string().optional(),
  destinationIp: z.string().optional(),
  /** Whether the destination is the customer gateway this tunnel ends on (not a host behind it). */
  destinationIsTunnelPeer: z.boolean().optional(),
  /** Other connections of the same VPN gateway whose enabled health checks target this destination too. */
  sharedWithConnections: z.array(z.string()).optional(),
  status: z.enum(["success", "failed"]).optional(),
  policy: z.enum(["revoke_route", "reserve_route"]).optional(),
});

/** Alibaba destination-based route entry pointing at this connection. */
export const routeWeightSchema = z.object({
  destinationCidr: z.string(),
  weight: z.number().int(),
  /** The connection (or another connection of the gateway) the route points at. */
  nextHop: z.string().optional(),
});

/** What the tenant tells us about its side, where it knows. */
export const customerGatewaySchema = z.object({
  /** A playbook variant (juniper-srx, cisco-asa, cisco-ios, strongswan) or the vendor's name. */
  vendor: z.string().trim().min(1).max(64).optional(),
  behindNat: z.boolean().optional(),
  natTraversal: z.boolean().optional(),
  isPolicyBased: z.boolean().optional(),
  encryptionDomainCount: z.number().int().nonnegative().max(10_000).optional(),
  phase1LifetimeSec: z.number().int().positive().max(604_800, "at most 604800 s (7 days)").optional(),
  phase2LifetimeSec: z.number().int().positive().max(604_800, "at most 604800 s (7 days)").optional(),
  pfsEnabled: z.boolean().optional(),
  dpdEnabled: z.boolean().optional(),
  /**
   * The IKE version the gateway negotiates: MuleSoft reports none, and AWS tunnels allow both by
   * default, so it chooses the lifetimes recommended and whether they must match the provider's.
   */
  ikeVersion: z.enum(["ikev1", "ikev2"]).optional(),
  /** Whether the gateway initiates IKE and keeps the tunnel up (needed with startup action add). */
  initiates: z.boolean().optional(),
});

export type CustomerGateway = z.infer<typeof customerGatewaySchema>;

/**
 * The connection with what the tenant says of its customer gateway (stored apart from what the
 * provider reports); facts that do not parse are left out.
 */
export function withCustomerGateway(connection: NormalizedConnection, facts: unknown): NormalizedConnection {
  const parsed = parseCustomerGateway(facts);
  return parsed ? { ...connection, customerGateway: { ...connection.customerGateway, ...parsed } } : connection;
}

/** Stored facts about a customer gateway, or null when there are none (or they do not parse). */
export function parseCustomerGateway(facts: unknown): CustomerGateway | null {
  const parsed = customerGatewaySchema.safeParse(facts);
  return parsed.success ? parsed.data : null;
}

export const connectionSchema = z.object({
  provider: z.enum(PROVIDERS),
  externalId: z.string().min(1),
  name: z.string().default(""),
  region: z.string().optional(),
  state: z.string().optional(),
  routing: z.enum(["bgp", "static"]),
  gatewayId: z.string().nullable().optional(),
  customerGatewayId: z.string().nullable().optional(),
  customerGatewayIp: z.string().nullable().optional(),
  isAccelerated: z.boolean().optional(),
  localAsn: z.number().int().nullable().optional(),
  remoteAsn: z.number().int().nullable().optional(),
  staticRoutes: z.array(z.string()).optional(),
  /** Policy-based peers: the encryption domains (local/remote network pairs) negotiated. */
  encryptionDomains: z.array(z.object({ local: z.string(), remote: z.string() })).optional(),
  tunnels: z.array(tunnelSchema),
  healthChecks: z.array(healthCheckSchema).optional(),
  routeWeights: z.array(routeWeightSchema).optional(),
  customerGateway: customerGatewaySchema.optional(),
  tags: z.record(z.string(), z.string()).optional(),
  criticality: z.enum(["low", "normal", "high", "critical"]).optional(),
});
export type NormalizedConnection = z.infer<typeof connectionSchema>;
export type NormalizedConnectionInput = z.input<typeof connectionSchema>;

export class InvalidConnectionError extends Error {}

/** Validates untrusted input (CLI, API) into a normalised connection, naming each bad field. */
export function parseConnection(input: unknown): NormalizedConnection {
  const result = connectionSchema.safeParse(input);
  if (!result.success) throw new InvalidConnectionError(z.prettifyError(result.error));
  return result.data;
}
