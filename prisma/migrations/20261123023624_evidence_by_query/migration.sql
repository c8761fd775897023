-- DropForeignKey
ALTER TABLE "TunnelLogEvent" DROP CONSTRAINT "TunnelLogEvent_incidentId_fkey";

-- DropIndex
DROP INDEX "TunnelLogEvent_incidentId_idx";

-- AlterTable
ALTER TABLE "TunnelLogEvent" DROP COLUMN "incidentId";
