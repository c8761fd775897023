-- AlterTable
ALTER TABLE "CloudAccount" ADD COLUMN     "deletedAt" TIMESTAMP(3);
