export {
  type ChannelConfig,
  newChannelSecret,
  openChannelSecret,
  readChannelConfig,
  WEBHOOK_FORMATS,
  type WebhookFormat,
} from "./alert-channels.ts";
export { type AlertEvent, type AlertFacts, recordAlertEvent, recordIncidentAlert } from "./alert-outbox.ts";
export {
  API_TOKEN_SCOPES,
  type ApiTokenScope,
  createApiToken,
  type VerifiedApiToken,
  verifyApiToken,
} from "./api-tokens.ts";
export { createPrismaClient, disconnectPrisma, getPrisma } from "./client.ts";
export { generateToken, hashToken, type Keyring, open, openJson, parseKeyring, seal, sealJson } from "./crypto.ts";
export { type CustomerGatewayCount, customerGatewayCounts } from "./customer-gateways.ts";
export { Prisma, type PrismaClient } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export { checkDatabase, type DependencyHealth } from "./health.ts";
export { type EvidenceIncident, incidentEvidence } from "./incident-evidence.ts";
export { insertLogEvents, type LogEventRow } from "./log-events.ts";
export { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.ts";
export { type DeletedAccountsPurge, type PurgeCounts, purgeDeletedAccounts, purgeExpiredRows } from "./retention.ts";
export { GLOBAL_MODELS, TENANT_MODELS, type TenantDb } from "./tenant.ts";
export { tenantDb } from "./tenant-db.ts";
