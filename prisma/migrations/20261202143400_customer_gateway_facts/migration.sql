-- AlterTable
ALTER TABLE "VpnConnection" ADD COLUMN     "customerGateway" JSONB;
