-- AlterEnum
ALTER TYPE "AlertTrigger" ADD VALUE 'CONFIG_CHANGED';

-- CreateTable
CREATE TABLE "ConfigChange" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "tunnelIndex" INTEGER,
    "parameter" TEXT NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "gradeBefore" "Grade",
    "gradeAfter" "Grade",
    "detectedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConfigChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConfigChange_connectionId_detectedAt_idx" ON "ConfigChange"("connectionId", "detectedAt" DESC);

-- CreateIndex
CREATE INDEX "ConfigChange_tenantId_detectedAt_idx" ON "ConfigChange"("tenantId", "detectedAt" DESC);

-- AddForeignKey
ALTER TABLE "ConfigChange" ADD CONSTRAINT "ConfigChange_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfigChange" ADD CONSTRAINT "ConfigChange_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "VpnConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
