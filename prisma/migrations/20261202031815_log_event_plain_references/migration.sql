-- DropForeignKey
ALTER TABLE "TunnelLogEvent" DROP CONSTRAINT "TunnelLogEvent_cloudAccountId_fkey";

-- DropForeignKey
ALTER TABLE "TunnelLogEvent" DROP CONSTRAINT "TunnelLogEvent_connectionId_fkey";

-- DropForeignKey
ALTER TABLE "TunnelLogEvent" DROP CONSTRAINT "TunnelLogEvent_tunnelId_fkey";
