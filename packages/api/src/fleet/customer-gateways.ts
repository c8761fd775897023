// A tenant's customer gateways as the dashboard shows them: packages/db counts the connections
// that end on each address, core reads what their outages say.
import { assessCustomerGateway, GATEWAY_MIN_DOWN, type GatewayAssessment } from "@tunnelwatch/core";
import { customerGatewayCounts, type TenantDb } from "@tunnelwatch/db";

const CUSTOMER_GATEWAYS_TOP = 10;

/**
 * Customer gateways (by public address) that several down connections end on: those that look
 * failed themselves first, then by the share of their connections down.
 */
export async function customerGatewaysDown(db: TenantDb, tenantId: string): Promise<GatewayAssessment[]> {
  const counts = await customerGatewayCounts(db, tenantId, { minDown: GATEWAY_MIN_DOWN, limit: CUSTOMER_GATEWAYS_TOP });
  return counts
    .flatMap((count) => assessCustomerGateway(count) ?? [])
    .sort((a, b) => Number(b.likelyCause === "customer-gateway") - Number(a.likelyCause === "customer-gateway"));
}

/** The live connections that end on one customer gateway address, counted, with core's reading. */
export async function sharedCustomerGateway(db: TenantDb, tenantId: string, customerGatewayIp: string | null) {
  if (!customerGatewayIp) return null;
  const [count] = await customerGatewayCounts(db, tenantId, { minDown: 0, limit: 1, only: [customerGatewayIp] });
  if (!count) return null;
  return {
    customerGatewayIp,
    connections: count.connections,
    down: count.down,
    assessment: assessCustomerGateway(count),
  };
}
