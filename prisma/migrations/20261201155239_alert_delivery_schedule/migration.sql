-- DropIndex
DROP INDEX "AlertDelivery_foldKey_createdAt_idx";

-- AlterTable
ALTER TABLE "AlertDelivery" ADD COLUMN     "lastFoldedAt" TIMESTAMP(3),
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "scheduledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "AlertDelivery_foldKey_scheduledAt_idx" ON "AlertDelivery"("foldKey", "scheduledAt" DESC);

-- CreateIndex
CREATE INDEX "AlertDelivery_tenantId_status_createdAt_idx" ON "AlertDelivery"("tenantId", "status", "createdAt" DESC);
