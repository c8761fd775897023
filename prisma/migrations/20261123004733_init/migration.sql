-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OWNER', 'ADMIN', 'OPERATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('AWS', 'ALIBABA', 'MULESOFT');

-- CreateEnum
CREATE TYPE "SyncState" AS ENUM ('PENDING', 'OK', 'FAILING', 'PAUSED');

-- CreateEnum
CREATE TYPE "Routing" AS ENUM ('BGP', 'STATIC');

-- CreateEnum
CREATE TYPE "TunnelStatus" AS ENUM ('UP', 'DOWN', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('A', 'B', 'C', 'D', 'F');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('CRITICAL', 'MAJOR', 'MINOR', 'INFO');

-- CreateEnum
CREATE TYPE "Criticality" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "LogSource" AS ENUM ('PROVIDER', 'CUSTOMER_GATEWAY');

-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('LOG_FAULT', 'FINDING');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "IncidentActivityKind" AS ENUM ('OPENED', 'EVENT_FOLDED', 'ACKNOWLEDGED', 'COMMENT', 'REMEDIATION', 'RESOLVED', 'REOPENED');

-- CreateEnum
CREATE TYPE "MaintenanceSource" AS ENUM ('AWS_TUNNEL_LIFECYCLE', 'AWS_HEALTH', 'ALIBABA_OM', 'MANUAL');

-- CreateEnum
CREATE TYPE "MaintenanceStatus" AS ENUM ('UPCOMING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AlertChannelKind" AS ENUM ('EMAIL', 'WEBHOOK', 'SLACK');

-- CreateEnum
CREATE TYPE "AlertTrigger" AS ENUM ('TUNNEL_DOWN', 'REDUNDANCY_LOST', 'INCIDENT_OPENED', 'INCIDENT_RESOLVED', 'GRADE_DROPPED', 'MAINTENANCE_ANNOUNCED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'DELIVERED', 'FAILED', 'SUPPRESSED');

-- CreateTable
CREATE TABLE "Tenant" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "incidentOpenDelaySec" INTEGER NOT NULL DEFAULT 60,
    "incidentResolveDelaySec" INTEGER NOT NULL DEFAULT 120,
    "retentionDays" INTEGER NOT NULL DEFAULT 400,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "CloudAccount" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "name" TEXT NOT NULL,
    "externalAccountId" TEXT,
    "regions" TEXT[],
    "credentialsCipher" TEXT NOT NULL,
    "credentialsKeyId" TEXT NOT NULL,
    "endpointOverride" TEXT,
    "statusIntervalSec" INTEGER NOT NULL DEFAULT 60,
    "logsIntervalSec" INTEGER NOT NULL DEFAULT 60,
    "isPaused" BOOLEAN NOT NULL DEFAULT false,
    "syncState" "SyncState" NOT NULL DEFAULT 'PENDING',
    "lastSyncAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "lastError" TEXT,
    "failingSince" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "unavailable" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CloudAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VpnConnection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "cloudAccountId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "region" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "routing" "Routing" NOT NULL,
    "gatewayId" TEXT,
    "customerGatewayId" TEXT,
    "customerGatewayIp" TEXT,
    "localAsn" BIGINT,
    "remoteAsn" BIGINT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "criticality" "Criticality" NOT NULL DEFAULT 'NORMAL',
    "normalized" JSONB NOT NULL,
    "grade" "Grade",
    "expectedDowntimeSec" INTEGER,
    "findingCodes" TEXT[],
    "tunnelsUp" INTEGER NOT NULL DEFAULT 0,
    "tunnelsTotal" INTEGER NOT NULL DEFAULT 0,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VpnConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tunnel" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "outsideIp" TEXT,
    "insideCidr" TEXT,
    "status" "TunnelStatus" NOT NULL DEFAULT 'UNKNOWN',
    "statusMessage" TEXT,
    "lastStatusChange" TIMESTAMP(3),
    "acceptedRouteCount" INTEGER,
    "ikeVersions" TEXT[],
    "phase1LifetimeSec" INTEGER,
    "phase2LifetimeSec" INTEGER,
    "rekeyMarginSec" INTEGER,
    "rekeyFuzzPct" INTEGER,
    "replayWindow" INTEGER,
    "dpdEnabled" BOOLEAN,
    "dpdTimeoutSec" INTEGER,
    "dpdTimeoutAction" TEXT,
    "pfsEnabled" BOOLEAN,
    "phase1Encryption" TEXT[],
    "phase1Integrity" TEXT[],
    "phase1DhGroups" INTEGER[],
    "phase2Encryption" TEXT[],
    "phase2Integrity" TEXT[],
    "phase2DhGroups" INTEGER[],
    "startupAction" TEXT,
    "natTraversal" BOOLEAN,
    "loggingEnabled" BOOLEAN,
    "logGroupArn" TEXT,
    "options" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tunnel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TunnelStatusTransition" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tunnelId" TEXT NOT NULL,
    "fromStatus" "TunnelStatus",
    "toStatus" "TunnelStatus" NOT NULL,
    "statusMessage" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TunnelStatusTransition_pkey" PRIMARY KEY ("id","occurredAt")
);

-- CreateTable
CREATE TABLE "TunnelStatusSample" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tunnelId" TEXT NOT NULL,
    "sampledAt" TIMESTAMP(3) NOT NULL,
    "status" "TunnelStatus" NOT NULL,
    "acceptedRouteCount" INTEGER,

    CONSTRAINT "TunnelStatusSample_pkey" PRIMARY KEY ("id","sampledAt")
);

-- CreateTable
CREATE TABLE "TunnelUptimeHourly" (
    "tenantId" TEXT NOT NULL,
    "tunnelId" TEXT NOT NULL,
    "hour" TIMESTAMP(3) NOT NULL,
    "upSamples" INTEGER NOT NULL DEFAULT 0,
    "downSamples" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TunnelUptimeHourly_pkey" PRIMARY KEY ("tunnelId","hour")
);

-- CreateTable
CREATE TABLE "TunnelLogEvent" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "cloudAccountId" TEXT,
    "connectionId" TEXT,
    "tunnelId" TEXT,
    "source" "LogSource" NOT NULL,
    "stream" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "raw" TEXT NOT NULL,
    "parsed" JSONB NOT NULL DEFAULT '{}',
    "vendor" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "phase" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "evidence" TEXT,
    "fingerprint" TEXT NOT NULL,
    "incidentId" TEXT,

    CONSTRAINT "TunnelLogEvent_pkey" PRIMARY KEY ("id","occurredAt")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "tunnelId" TEXT,
    "kind" "IncidentKind" NOT NULL,
    "code" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "isMaintenance" BOOLEAN NOT NULL DEFAULT false,
    "firstEventAt" TIMESTAMP(3) NOT NULL,
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "eventCount" INTEGER NOT NULL DEFAULT 1,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedById" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentActivity" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "IncidentActivityKind" NOT NULL,
    "actorUserId" TEXT,
    "body" TEXT,
    "playbookStep" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostureSnapshot" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "grade" "Grade" NOT NULL,
    "findings" JSONB NOT NULL,
    "expectedDowntimeSec" INTEGER NOT NULL,
    "hash" TEXT NOT NULL,
    "evaluatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostureSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaintenanceEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "source" "MaintenanceSource" NOT NULL,
    "externalId" TEXT NOT NULL,
    "cloudAccountId" TEXT,
    "connectionId" TEXT,
    "tunnelIndex" INTEGER,
    "region" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "MaintenanceStatus" NOT NULL DEFAULT 'UPCOMING',
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "autoAppliedAfter" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MaintenanceEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertChannel" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "AlertChannelKind" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "secretCipher" TEXT,
    "secretKeyId" TEXT,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRule" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trigger" "AlertTrigger" NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "minSeverity" "Severity" NOT NULL DEFAULT 'INFO',
    "quietPeriodSec" INTEGER NOT NULL DEFAULT 900,
    "isEnabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertRuleChannel" (
    "ruleId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,

    CONSTRAINT "AlertRuleChannel_pkey" PRIMARY KEY ("ruleId","channelId")
);

-- CreateTable
CREATE TABLE "AlertOutbox" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "trigger" "AlertTrigger" NOT NULL,
    "severity" "Severity" NOT NULL,
    "connectionId" TEXT,
    "tunnelId" TEXT,
    "incidentId" TEXT,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "AlertOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "outboxId" TEXT NOT NULL,
    "ruleId" TEXT,
    "channelId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "foldKey" TEXT NOT NULL,
    "foldedCount" INTEGER NOT NULL DEFAULT 1,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastAttemptAt" TIMESTAMP(3),
    "nextAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "responseCode" INTEGER,
    "latencyMs" INTEGER,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "actorUserId" TEXT,
    "actorTokenId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id","createdAt")
);

-- CreateTable
CREATE TABLE "IngestionCursor" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "cloudAccountId" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "position" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IngestionCursor_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_tenantId_userId_key" ON "Membership"("tenantId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_tenantId_createdAt_idx" ON "Invitation"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE INDEX "CloudAccount_tenantId_provider_idx" ON "CloudAccount"("tenantId", "provider");

-- CreateIndex
CREATE INDEX "CloudAccount_syncState_idx" ON "CloudAccount"("syncState");

-- CreateIndex
CREATE INDEX "VpnConnection_tenantId_grade_idx" ON "VpnConnection"("tenantId", "grade");

-- CreateIndex
CREATE INDEX "VpnConnection_tenantId_provider_region_idx" ON "VpnConnection"("tenantId", "provider", "region");

-- CreateIndex
CREATE INDEX "VpnConnection_tenantId_expectedDowntimeSec_idx" ON "VpnConnection"("tenantId", "expectedDowntimeSec" DESC);

-- CreateIndex
CREATE INDEX "VpnConnection_tenantId_name_idx" ON "VpnConnection"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "VpnConnection_cloudAccountId_region_externalId_key" ON "VpnConnection"("cloudAccountId", "region", "externalId");

-- CreateIndex
CREATE INDEX "Tunnel_tenantId_status_idx" ON "Tunnel"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Tunnel_connectionId_index_key" ON "Tunnel"("connectionId", "index");

-- CreateIndex
CREATE INDEX "TunnelStatusTransition_tenantId_occurredAt_idx" ON "TunnelStatusTransition"("tenantId", "occurredAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "TunnelStatusTransition_tunnelId_occurredAt_toStatus_key" ON "TunnelStatusTransition"("tunnelId", "occurredAt", "toStatus");

-- CreateIndex
CREATE INDEX "TunnelStatusSample_tunnelId_sampledAt_idx" ON "TunnelStatusSample"("tunnelId", "sampledAt" DESC);

-- CreateIndex
CREATE INDEX "TunnelStatusSample_sampledAt_idx" ON "TunnelStatusSample" USING BRIN ("sampledAt");

-- CreateIndex
CREATE INDEX "TunnelUptimeHourly_tenantId_hour_idx" ON "TunnelUptimeHourly"("tenantId", "hour");

-- CreateIndex
CREATE INDEX "TunnelLogEvent_tenantId_occurredAt_idx" ON "TunnelLogEvent"("tenantId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "TunnelLogEvent_tenantId_code_occurredAt_idx" ON "TunnelLogEvent"("tenantId", "code", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "TunnelLogEvent_connectionId_occurredAt_idx" ON "TunnelLogEvent"("connectionId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "TunnelLogEvent_tunnelId_occurredAt_idx" ON "TunnelLogEvent"("tunnelId", "occurredAt" DESC);

-- CreateIndex
CREATE INDEX "TunnelLogEvent_incidentId_idx" ON "TunnelLogEvent"("incidentId");

-- CreateIndex
CREATE INDEX "TunnelLogEvent_occurredAt_idx" ON "TunnelLogEvent" USING BRIN ("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "TunnelLogEvent_tenantId_fingerprint_occurredAt_key" ON "TunnelLogEvent"("tenantId", "fingerprint", "occurredAt");

-- CreateIndex
CREATE INDEX "Incident_tenantId_status_openedAt_idx" ON "Incident"("tenantId", "status", "openedAt" DESC);

-- CreateIndex
CREATE INDEX "Incident_tenantId_code_status_idx" ON "Incident"("tenantId", "code", "status");

-- CreateIndex
CREATE INDEX "Incident_connectionId_status_idx" ON "Incident"("connectionId", "status");

-- CreateIndex
CREATE INDEX "Incident_tunnelId_status_idx" ON "Incident"("tunnelId", "status");

-- CreateIndex
CREATE INDEX "IncidentActivity_incidentId_createdAt_idx" ON "IncidentActivity"("incidentId", "createdAt");

-- CreateIndex
CREATE INDEX "IncidentActivity_tenantId_createdAt_idx" ON "IncidentActivity"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PostureSnapshot_connectionId_evaluatedAt_idx" ON "PostureSnapshot"("connectionId", "evaluatedAt" DESC);

-- CreateIndex
CREATE INDEX "PostureSnapshot_tenantId_evaluatedAt_idx" ON "PostureSnapshot"("tenantId", "evaluatedAt" DESC);

-- CreateIndex
CREATE INDEX "MaintenanceEvent_tenantId_status_startsAt_idx" ON "MaintenanceEvent"("tenantId", "status", "startsAt");

-- CreateIndex
CREATE INDEX "MaintenanceEvent_connectionId_idx" ON "MaintenanceEvent"("connectionId");

-- CreateIndex
CREATE UNIQUE INDEX "MaintenanceEvent_tenantId_source_externalId_key" ON "MaintenanceEvent"("tenantId", "source", "externalId");

-- CreateIndex
CREATE INDEX "AlertChannel_tenantId_idx" ON "AlertChannel"("tenantId");

-- CreateIndex
CREATE INDEX "AlertRule_tenantId_trigger_idx" ON "AlertRule"("tenantId", "trigger");

-- CreateIndex
CREATE INDEX "AlertOutbox_dispatchedAt_createdAt_idx" ON "AlertOutbox"("dispatchedAt", "createdAt");

-- CreateIndex
CREATE INDEX "AlertOutbox_tenantId_createdAt_idx" ON "AlertOutbox"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_idempotencyKey_key" ON "AlertDelivery"("idempotencyKey");

-- CreateIndex
CREATE INDEX "AlertDelivery_tenantId_createdAt_idx" ON "AlertDelivery"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AlertDelivery_foldKey_createdAt_idx" ON "AlertDelivery"("foldKey", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AlertDelivery_status_nextAttemptAt_idx" ON "AlertDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_tenantId_createdAt_idx" ON "ApiToken"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_createdAt_idx" ON "AuditLog"("tenantId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditLog_tenantId_action_createdAt_idx" ON "AuditLog"("tenantId", "action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "IngestionCursor_tenantId_idx" ON "IngestionCursor"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "IngestionCursor_cloudAccountId_stream_key" ON "IngestionCursor"("cloudAccountId", "stream");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CloudAccount" ADD CONSTRAINT "CloudAccount_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VpnConnection" ADD CONSTRAINT "VpnConnection_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VpnConnection" ADD CONSTRAINT "VpnConnection_cloudAccountId_fkey" FOREIGN KEY ("cloudAccountId") REFERENCES "CloudAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tunnel" ADD CONSTRAINT "Tunnel_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tunnel" ADD CONSTRAINT "Tunnel_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelStatusTransition" ADD CONSTRAINT "TunnelStatusTransition_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelStatusTransition" ADD CONSTRAINT "TunnelStatusTransition_tunnelId_fkey" FOREIGN KEY ("tunnelId") REFERENCES "Tunnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelStatusSample" ADD CONSTRAINT "TunnelStatusSample_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelStatusSample" ADD CONSTRAINT "TunnelStatusSample_tunnelId_fkey" FOREIGN KEY ("tunnelId") REFERENCES "Tunnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelUptimeHourly" ADD CONSTRAINT "TunnelUptimeHourly_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelUptimeHourly" ADD CONSTRAINT "TunnelUptimeHourly_tunnelId_fkey" FOREIGN KEY ("tunnelId") REFERENCES "Tunnel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelLogEvent" ADD CONSTRAINT "TunnelLogEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelLogEvent" ADD CONSTRAINT "TunnelLogEvent_cloudAccountId_fkey" FOREIGN KEY ("cloudAccountId") REFERENCES "CloudAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelLogEvent" ADD CONSTRAINT "TunnelLogEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelLogEvent" ADD CONSTRAINT "TunnelLogEvent_tunnelId_fkey" FOREIGN KEY ("tunnelId") REFERENCES "Tunnel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TunnelLogEvent" ADD CONSTRAINT "TunnelLogEvent_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_tunnelId_fkey" FOREIGN KEY ("tunnelId") REFERENCES "Tunnel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentActivity" ADD CONSTRAINT "IncidentActivity_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentActivity" ADD CONSTRAINT "IncidentActivity_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentActivity" ADD CONSTRAINT "IncidentActivity_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostureSnapshot" ADD CONSTRAINT "PostureSnapshot_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostureSnapshot" ADD CONSTRAINT "PostureSnapshot_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceEvent" ADD CONSTRAINT "MaintenanceEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceEvent" ADD CONSTRAINT "MaintenanceEvent_cloudAccountId_fkey" FOREIGN KEY ("cloudAccountId") REFERENCES "CloudAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaintenanceEvent" ADD CONSTRAINT "MaintenanceEvent_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertChannel" ADD CONSTRAINT "AlertChannel_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRule" ADD CONSTRAINT "AlertRule_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRuleChannel" ADD CONSTRAINT "AlertRuleChannel_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertRuleChannel" ADD CONSTRAINT "AlertRuleChannel_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertOutbox" ADD CONSTRAINT "AlertOutbox_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_outboxId_fkey" FOREIGN KEY ("outboxId") REFERENCES "AlertOutbox"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "AlertRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "AlertChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestionCursor" ADD CONSTRAINT "IngestionCursor_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IngestionCursor" ADD CONSTRAINT "IngestionCursor_cloudAccountId_fkey" FOREIGN KEY ("cloudAccountId") REFERENCES "CloudAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;
