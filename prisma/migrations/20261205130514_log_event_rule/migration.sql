-- AlterTable
ALTER TABLE "TunnelLogEvent" ADD COLUMN     "rule" TEXT;
