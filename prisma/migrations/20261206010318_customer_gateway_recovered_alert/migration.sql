-- AlterEnum
ALTER TYPE "AlertTrigger" ADD VALUE 'CUSTOMER_GATEWAY_RECOVERED';

-- CreateIndex
CREATE INDEX "AlertDelivery_outboxId_idx" ON "AlertDelivery"("outboxId");

-- CreateIndex
CREATE INDEX "AlertOutbox_tenantId_trigger_createdAt_idx" ON "AlertOutbox"("tenantId", "trigger", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AlertOutbox_incidentId_idx" ON "AlertOutbox"("incidentId");
