// MuleSoft Anypoint (CloudHub 1.0) VPN: connected-app OAuth client_credentials, then the VPCs of the
// organisation and the IPsec VPNs of each VPC (salesforce/anypoint-client-go vpc/ and vpn/ OpenAPI
// specs, vendor-apis.md §5). No SDK: node:http(s) with connect and request timeouts, our own retry.
import { type ErrorContext, messageOf, networkErrorKind, providerError } from "../common/errors.ts";
import { type HttpResponse, httpRequest, retryAfterMs } from "../common/http.ts";
import { type ClientOptions, resolveOptions } from "../common/options.ts";
import { toInt, toObj, toObjList, toStr } from "../common/parse.ts";
import { withRetry } from "../common/retry.ts";
import type {
  AccountTarget,
  FetchedConnection,
  LogCursor,
  LogPage,
  LogStreamRef,
  ProviderClient,
  StatusSnapshot,
} from "../types.ts";
import { ProviderError } from "../types.ts";
import { type AnypointVpc, normalizeAnypointVpn, parseVpc } from "./normalize.ts";

type MulesoftTarget = Extract<AccountTarget, { provider: "mulesoft" }>;
type Raw = Record<string, unknown>;

// The control planes that run CloudHub 1.0 VPCs and VPNs (MuleSoft's control-plane hostnames).
export const CONTROL_PLANES = {
  us: "https://anypoint.mulesoft.com",
  eu: "https://eu1.anypoint.mulesoft.com",
  gov: "https://gov.anypoint.mulesoft.com",
} as const;

/** Tokens are renewed this long before they expire. */
const TOKEN_MARGIN_MS = 60_000;
/** When the token response has no expires_in (the Go client reads only access_token). */
const DEFAULT_TOKEN_LIFETIME_S = 1_800;
const PAGE_LIMIT = 100;
const MAX_PAGES = 100;

/**
 * Control plane from the account's regions: "eu"/"eu1" selects the EU control plane, "gov" the
 * US Government one, otherwise US.
 * Regions that look like AWS regions ("us-east-1") filter the VPCs by their region.
 */
export function controlPlaneOf(regions: readonly string[]): { baseUrl: string; vpcRegions: string[] } {
  const lower = regions.map((r) => r.trim().toLowerCase());
  const baseUrl = lower.some((r) => r === "eu" || r === "eu1")
    ? CONTROL_PLANES.eu
    : lower.includes("gov")
      ? CONTROL_PLANES.gov
      : CONTROL_PLANES.us;
  return { baseUrl, vpcRegions: lower.filter((r) => /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(r)) };
}

class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    readonly retryAfter: number | undefined,
  ) {
    super(`HTTP ${status}${apiMessage ? `: ${apiMessage}` : ""}`);
    this.name = "HttpStatusError";
  }
}

function apiMessageOf(response: HttpResponse): string {
  try {
    const body = toObj(JSON.parse(response.body));
    const text =
      toStr(body?.message) ?? toStr(body?.error_description) ?? toStr(body?.error) ?? toStr(body?.name) ?? "";
    return text.slice(0, 300);
  } catch {
    return response.body.replace(/\s+/g, " ").trim().slice(0, 200);
  }
}

function isRetryable(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status === 429 || error.status >= 500;
  return networkErrorKind(error) !== undefined;
}

export class MulesoftProviderClient implements ProviderClient {
  readonly provider = "mulesoft" as const;
  private readonly options: ClientOptions;
  private readonly baseUrl: string;
  private readonly vpcRegions: string[];
  private token: { value: string; expiresAt: number } | undefined;
  private tokenRequest: Promise<string> | undefined;

  constructor(
    private readonly target: MulesoftTarget,
    options: Partial<ClientOptions> = {},
  ) {
    this.options = resolveOptions(options);
    const plane = controlPlaneOf(target.regions);
    this.baseUrl = (target.endpoint ?? plane.baseUrl).replace(/\/+$/, "");
    this.vpcRegions = plane.vpcRegions;
  }

  private get secrets(): string[] {
    return [this.target.credentials.clientSecret, ...(this.token ? [this.token.value] : [])];
  }

  private context(action: string): ErrorContext {
    return { provider: "mulesoft", action, secrets: this.secrets };
  }

  private toProviderError(error: unknown, action: string): ProviderError {
    if (error instanceof ProviderError) return error;
    const context = this.context(action);
    if (error instanceof HttpStatusError) {
      const kind =
        error.status === 401
          ? "auth"
          : error.status === 403
            ? "permission"
            : error.status === 429
              ? "throttled"
              : error.status >= 500
                ? "unavailable"
                : action === "OAuth token" && error.status === 400
                  ? "auth"
                  : "other";
      return providerError(context, kind, error.message, { status: error.status });
    }
    const network = networkErrorKind(error);
    if (network) return providerError(context, network, messageOf(error));
    if (error instanceof SyntaxError)
      return providerError(context, "invalid-response", `invalid JSON (${error.message})`);
    return providerError(context, "other", messageOf(error));
  }

  private async send(
    action: string,
    url: string,
    init: { method: "GET" | "POST"; headers?: Record<string, string>; body?: string },
  ): Promise<Raw> {
    try {
      return await withRetry(
        async () => {
          const response = await httpRequest(url, init, this.options);
          if (response.status < 200 || response.status >= 300) {
            throw new HttpStatusError(response.status, apiMessageOf(response), retryAfterMs(response.headers));
          }
          const body = toObj(JSON.parse(response.body));
          if (!body) throw new SyntaxError("the body is not a JSON object");
          return body;
        },
        isRetryable,
        this.options,
        (error) => (error instanceof HttpStatusError ? error.retryAfter : undefined),
      );
    } catch (error) {
      throw this.toProviderError(error, action);
    }
  }

  /** Bearer token from the connected app (client_credentials), cached until shortly before expiry. */
  private async accessToken(): Promise<string> {
    const now = this.options.now();
    if (this.token && now < this.token.expiresAt - TOKEN_MARGIN_MS) return this.token.value;
    this.tokenRequest ??= (async () => {
      try {
        const { clientId, clientSecret } = this.target.credentials;
        const body = await this.send("OAuth token", `${this.baseUrl}/accounts/api/v2/oauth2/token`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
          }).toString(),
        });
        const value = toStr(body.access_token);
        if (!value) {
          throw providerError(this.context("OAuth token"), "invalid-response", "the response has no access_token");
        }
        const lifetime = toInt(body.expires_in) ?? DEFAULT_TOKEN_LIFETIME_S;
        this.token = { value, expiresAt: this.options.now() + lifetime * 1000 };
        return value;
      } finally {
        this.tokenRequest = undefined;
      }
    })();
    return this.tokenRequest;
  }

  /** GET with the bearer token; a 401 drops the cached token and tries once more with a new one. */
  private async get(action: string, path: string): Promise<Raw> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.accessToken();
      try {
        return await this.send(action, `${this.baseUrl}${path}`, {
          method: "GET",
          headers: { authorization: `Bearer ${token}` },
        });
      } catch (error) {
        if (error instanceof ProviderError && error.details.status === 401 && attempt === 1) {
          this.token = undefined;
          continue;
        }
        throw error;
      }
    }
  }

  /** `{total, data}` lists; offset/limit paging where the API honours it, stopping on repeats. */
  private async list(action: string, path: string): Promise<Raw[]> {
    const items: Raw[] = [];
    const seen = new Set<string>();
    for (let page = 0; page < MAX_PAGES; page++) {
      const separator = path.includes("?") ? "&" : "?";
      const body = await this.get(action, `${path}${separator}offset=${items.length}&limit=${PAGE_LIMIT}`);
      const data = toObjList(body.data);
      const fresh = data.filter((item) => {
        const id = toStr(item.id) ?? JSON.stringify(item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      items.push(...fresh);
      const total = toInt(body.total);
      if (fresh.length === 0 || total === undefined || items.length >= total) break;
    }
    return items;
  }

  async fetchStatus(): Promise<StatusSnapshot> {
    const orgId = encodeURIComponent(this.target.credentials.orgId);
    const vpcs = (await this.list("list VPCs", `/cloudhub/api/organizations/${orgId}/vpcs`))
      .flatMap((raw) => parseVpc(raw) ?? [])
      .filter((vpc) => this.vpcRegions.length === 0 || this.vpcRegions.includes((vpc.region ?? "").toLowerCase()));
    const connections: FetchedConnection[] = [];
    for (const vpc of vpcs) {
      const vpns = await this.list(
        `list IPsec VPNs of VPC ${vpc.id}`,
        `/cloudhub/api/organizations/${orgId}/vpcs/${encodeURIComponent(vpc.id)}/ipsec`,
      );
      connections.push(...vpns.filter((v) => toStr(v.id)).map((vpn) => normalizeAnypointVpn(vpn, vpc as AnypointVpc)));
    }
    return {
      fetchedAt: new Date(this.options.now()),
      connections,
      maintenance: [],
      unavailable: {
        "mulesoft:logs": "Anypoint exposes no API for VPN tunnel logs (CloudHub 1.0)",
        "mulesoft:maintenance":
          "MuleSoft publishes no maintenance windows for Anypoint VPN; updateAvailable is shown per tunnel",
      },
    };
  }

  /** Anypoint has no tunnel log API: always an empty page, cursor unchanged. */
  async pullLogs(
    _stream: LogStreamRef,
    cursor: LogCursor | null,
    _options: { since: Date; maxEvents: number },
  ): Promise<LogPage> {
    return { events: [], cursor: cursor ?? {}, hasMore: false };
  }
}
