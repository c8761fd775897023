// `tunnelwatch fetch-status`: reads one account's VPN connections through the provider's API with
// credentials from the standard sources, grades each with evaluatePosture and returns plain JSON.
import { fromNodeProviderChain } from "@aws-sdk/credential-providers";
import { evaluatePosture, type Provider } from "@tunnelwatch/core";
import type { ClientOptions } from "./common/options.ts";
import { createProviderClient } from "./index.ts";
import type { AccountTarget, AwsCredentials, MaintenanceNotice, ProviderDiagnostic } from "./types.ts";

export interface FetchStatusArgs {
  provider: string;
  /** One region or several, comma-separated. MuleSoft: "us" (default), "eu" or "gov" selects the control plane. */
  region?: string;
  /** MuleSoft organisation id (else ANYPOINT_ORG_ID). */
  orgId?: string;
  /** Base URL replacing the provider's (for AWS: every AWS service called). */
  endpoint?: string;
  env: Record<string, string | undefined>;
  /** Timeouts and retries (tests shorten them). */
  clientOptions?: Partial<ClientOptions>;
}

/** Bad arguments or missing credentials: the message says which. */
export class FetchStatusUsageError extends Error {
  override name = "FetchStatusUsageError";
}

export interface FetchStatusResult {
  connections: Array<{
    provider: Provider;
    externalId: string;
    name: string;
    region: string;
    routing: "bgp" | "static";
    tunnels: Array<{ index: number; outsideIp: string | null; status: string; statusMessage: string | null }>;
    posture: {
      grade: string;
      gradeReason: string;
      findings: Array<{ code: string; severity: string; tunnelIndex?: number; title: string; detail: string }>;
      expectedDowntimeSeconds: number;
    };
  }>;
  maintenance: Array<Omit<MaintenanceNotice, "startsAt" | "endsAt" | "autoAppliedAfter"> & Record<string, unknown>>;
  unavailable: Record<string, string>;
  diagnostics?: Array<Omit<ProviderDiagnostic, "at"> & { at?: string }>;
}

const splitRegions = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);

async function awsCredentials(env: FetchStatusArgs["env"]): Promise<AwsCredentials> {
  // Static keys in the given environment first (as fromEnv would), then the whole standard chain
  // (environment, SSO, shared config and credentials files, process, web identity, ECS/EC2 metadata).
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
    };
  }
  try {
    const identity = await fromNodeProviderChain(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {})();
    return {
      accessKeyId: identity.accessKeyId,
      secretAccessKey: identity.secretAccessKey,
      ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}),
    };
  } catch (error) {
    throw new FetchStatusUsageError(
      `No AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or configure the AWS credential chain (${error instanceof Error ? error.name : "error"})`,
    );
  }
}

export async function buildTarget(args: FetchStatusArgs): Promise<AccountTarget> {
  const { env } = args;
  const endpoint = args.endpoint ? { endpoint: args.endpoint } : {};
  switch (args.provider) {
    case "aws": {
      const regions = splitRegions(args.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? "us-east-1");
      return { provider: "aws", regions, ...endpoint, credentials: await awsCredentials(env) };
    }
    case "alibaba": {
      const accessKeyId = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      const accessKeySecret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
      const missing = [
        ...(accessKeyId ? [] : ["ALIBABA_CLOUD_ACCESS_KEY_ID"]),
        ...(accessKeySecret ? [] : ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"]),
      ];
      if (missing.length > 0 || !accessKeyId || !accessKeySecret) {
        throw new FetchStatusUsageError(`Missing Alibaba Cloud credentials: set ${missing.join(" and ")}`);
      }
      const regions = splitRegions(args.region ?? env.ALIBABA_CLOUD_REGION_ID);
      if (regions.length === 0) {
        throw new FetchStatusUsageError("Alibaba Cloud needs --region (or ALIBABA_CLOUD_REGION_ID), e.g. cn-hangzhou");
      }
      return { provider: "alibaba", regions, ...endpoint, credentials: { accessKeyId, accessKeySecret } };
    }
    case "mulesoft": {
      const clientId = env.ANYPOINT_CLIENT_ID;
      const clientSecret = env.ANYPOINT_CLIENT_SECRET;
      const orgId = args.orgId ?? env.ANYPOINT_ORG_ID;
      const missing = [
        ...(clientId ? [] : ["ANYPOINT_CLIENT_ID"]),
        ...(clientSecret ? [] : ["ANYPOINT_CLIENT_SECRET"]),
        ...(orgId ? [] : ["--org-id (or ANYPOINT_ORG_ID)"]),
      ];
      if (missing.length > 0 || !clientId || !clientSecret || !orgId) {
        throw new FetchStatusUsageError(`Missing MuleSoft Anypoint settings: set ${missing.join(", ")}`);
      }
      const regions = splitRegions(args.region ?? "us");
      return { provider: "mulesoft", regions, ...endpoint, credentials: { clientId, clientSecret, orgId } };
    }
    default:
      throw new FetchStatusUsageError(`Unknown provider "${args.provider}": use aws, alibaba or mulesoft`);
  }
}

const iso = (date: Date | undefined) => (date ? date.toISOString() : undefined);

export async function fetchStatusCommand(args: FetchStatusArgs): Promise<FetchStatusResult> {
  const target = await buildTarget(args);
  const client = createProviderClient(target, args.clientOptions);
  const snapshot = await client.fetchStatus();
  const result: FetchStatusResult = {
    connections: snapshot.connections.map((connection) => {
      const posture = evaluatePosture(connection);
      return {
        provider: connection.provider,
        externalId: connection.externalId,
        name: connection.name,
        region: connection.region,
        routing: connection.routing,
        tunnels: connection.tunnels.map((t) => ({
          index: t.index,
          outsideIp: t.outsideIp ?? null,
          status: t.status,
          statusMessage: t.statusMessage ?? null,
        })),
        posture: {
          grade: posture.grade,
          gradeReason: posture.gradeReason,
          findings: posture.findings.map((f) => ({
            code: f.code,
            severity: f.severity,
            ...(f.tunnelIndex === undefined ? {} : { tunnelIndex: f.tunnelIndex }),
            title: f.title,
            detail: f.detail,
          })),
          expectedDowntimeSeconds: posture.expectedDowntimeSeconds,
        },
      };
    }),
    maintenance: snapshot.maintenance.map(({ startsAt, endsAt, autoAppliedAfter, ...rest }) => ({
      ...rest,
      ...(startsAt ? { startsAt: iso(startsAt) } : {}),
      ...(endsAt ? { endsAt: iso(endsAt) } : {}),
      ...(autoAppliedAfter ? { autoAppliedAfter: iso(autoAppliedAfter) } : {}),
    })),
    unavailable: snapshot.unavailable,
  };
  if (snapshot.diagnostics && snapshot.diagnostics.length > 0) {
    result.diagnostics = snapshot.diagnostics.map(({ at, ...rest }) => ({ ...rest, ...(at ? { at: iso(at) } : {}) }));
  }
  return result;
}
