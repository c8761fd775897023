// The contract between the provider clients (AWS, Alibaba Cloud, MuleSoft Anypoint) and the
// ingestion pipeline. Clients speak each provider's real API; the pipeline sees only this.
import type { LogFaultCode, NormalizedConnection, Provider } from "@tunnelwatch/core";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface AlibabaCredentials {
  accessKeyId: string;
  accessKeySecret: string;
}

export interface MulesoftCredentials {
  clientId: string;
  clientSecret: string;
  /** Anypoint organisation (business group) id. */
  orgId: string;
}

export type AccountTarget =
  | { provider: "aws"; regions: string[]; endpoint?: string; credentials: AwsCredentials }
  | { provider: "alibaba"; regions: string[]; endpoint?: string; credentials: AlibabaCredentials }
  | { provider: "mulesoft"; regions: string[]; endpoint?: string; credentials: MulesoftCredentials };

/** Where the logs of a tunnel live, and the key its cursor is stored under. */
export interface LogStreamRef {
  /** Stable across runs, e.g. "aws:us-east-1:/aws/vendedlogs/vpn:vpn-0abc_203.0.113.10". */
  key: string;
  kind: "tunnel" | "bgp" | "connection";
  region: string;
  connectionExternalId: string;
  tunnelIndex?: number;
  /** Provider-specific locator: log group and stream for AWS, connection and tunnel id for Alibaba. */
  locator: Record<string, string>;
}

export interface FetchedConnection extends NormalizedConnection {
  region: string;
  logStreams: LogStreamRef[];
}

export interface MaintenanceNotice {
  source: "AWS_TUNNEL_LIFECYCLE" | "AWS_HEALTH" | "ALIBABA_OM";
  /** Stable id: Health event ARN, "<vpn id>:<tunnel index>" for lifecycle control... */
  externalId: string;
  region?: string;
  connectionExternalId?: string;
  tunnelIndex?: number;
  title: string;
  description?: string;
  status: "UPCOMING" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED";
  startsAt?: Date;
  endsAt?: Date;
  autoAppliedAfter?: Date;
}

/** A provider's own diagnosis of a failing connection or tunnel (Alibaba DiagnoseVpnConnections). */
export interface ProviderDiagnostic {
  connectionExternalId: string;
  tunnelIndex?: number;
  /** The provider's reason code, e.g. "Phase1NegotiationTimeout". */
  reasonCode: string;
  reason?: string;
  /** Our fault code for it (faults.md §1). */
  faultCode: LogFaultCode;
  severity?: string;
  at?: Date;
  /** The log line the provider quotes as evidence. */
  sourceLog?: string;
  /** Mismatched parameter: the provider's value and the peer's. */
  mismatch?: { local?: string; remote?: string };
}

export interface StatusSnapshot {
  fetchedAt: Date;
  connections: FetchedConnection[];
  maintenance: MaintenanceNotice[];
  /** Optional data that could not be read, by feature, with the provider's reason (never blocks status). */
  unavailable: Record<string, string>;
  /** Optional (added by the provider clients): provider-side diagnoses, where the provider offers them. */
  diagnostics?: ProviderDiagnostic[];
}

export interface RawLogEvent {
  /** Provider event id, or a stable id derived from the page when the provider has none. */
  id: string;
  /** Epoch milliseconds. */
  timestamp: number;
  message: string;
}

/** Opaque, JSON-serialisable position in a stream; stored in IngestionCursor.position. */
export type LogCursor = Record<string, unknown>;

export interface LogPage {
  events: RawLogEvent[];
  /** Where the next pull starts; store it in the same transaction as the events. */
  cursor: LogCursor;
  /** More events are available now (pull again without waiting for the schedule). */
  hasMore: boolean;
}

export interface ProviderClient {
  readonly provider: Provider;
  fetchStatus(): Promise<StatusSnapshot>;
  /** One page of events after `cursor` (null: start from `since`). */
  pullLogs(
    stream: LogStreamRef,
    cursor: LogCursor | null,
    options: { since: Date; maxEvents: number },
  ): Promise<LogPage>;
}

export type ProviderErrorKind =
  | "auth" // bad or expired credentials
  | "permission" // credentials valid, action not allowed
  | "region" // unknown or disabled region
  | "throttled"
  | "timeout"
  | "unavailable" // provider 5xx or unreachable
  | "invalid-response"
  | "other";

/** A provider failure, with a message that says what failed and never contains a secret. */
export class ProviderError extends Error {
  constructor(
    readonly provider: Provider,
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { action?: string; region?: string; status?: number; code?: string } = {},
  ) {
    super(message);
    this.name = "ProviderError";
  }

  get isRetryable(): boolean {
    return this.kind === "throttled" || this.kind === "timeout" || this.kind === "unavailable";
  }
}
