import type { AlertMessage } from "../src/index.ts";

export function alertMessage(overrides: Partial<AlertMessage> = {}): AlertMessage {
  return {
    idempotencyKey: "dlv_01J9Z8K2M4TUNNEL2DOWN",
    trigger: "TUNNEL_DOWN",
    severity: "MAJOR",
    occurredAt: new Date("2025-03-04T14:07:30Z"),
    summary: "Tunnel 2 of prod-tokyo (vpn-0abc) is DOWN",
    tenant: { id: "org_1", name: "Acme Logistics" },
    connection: {
      id: "conn_1",
      name: "prod-tokyo",
      externalId: "vpn-0abc",
      provider: "AWS",
      region: "ap-northeast-1",
      accountName: "acme-prod",
      grade: "B",
    },
    tunnel: { index: 2, outsideIp: "52.95.1.2", status: "DOWN" },
    incident: { id: "inc_1", code: "IKE_PROPOSAL_MISMATCH", title: "Tunnel 2 down on prod-tokyo", status: "OPEN" },
    fault: { code: "IKE_PROPOSAL_MISMATCH", evidence: "IKE_SA_INIT: NO_PROPOSAL_CHOSEN from 52.95.1.2" },
    details: { previousStatus: "UP", downForSeconds: 420 },
    remediation: [
      {
        title: "Compare phase 1 proposals",
        detail: "Match encryption, integrity and DH group on both sides.",
        where: "Customer gateway",
      },
      { title: "Check the pre-shared key", detail: "Re-enter the key on the customer gateway." },
    ],
    folded: { count: 3, since: new Date("2025-03-04T14:02:00Z") },
    url: "https://tunnelwatch.example.com/incidents/inc_1",
    ...overrides,
  };
}
