-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "IncidentActivityKind" ADD VALUE 'CAUSE_NAMED';
ALTER TYPE "IncidentActivityKind" ADD VALUE 'RECOVERING';

-- AlterEnum
ALTER TYPE "IncidentStatus" ADD VALUE 'PENDING';

-- AlterTable
ALTER TABLE "Incident" ADD COLUMN     "activeKey" TEXT,
ADD COLUMN     "recoveringSince" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_activeKey_key" ON "Incident"("activeKey");
