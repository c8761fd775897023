import { describe, expect, it } from "vitest";
import { renderEmail, slackPayload, WEBHOOK_SCHEMA_VERSION, webhookPayload } from "../src/index.ts";
import { alertMessage } from "./fixtures.ts";

describe("email rendering", () => {
  it("names the connection, tunnel, fault, evidence, folded events, steps and link", () => {
    const { subject, text, html } = renderEmail(alertMessage());
    expect(subject).toBe("[MAJOR] Tunnel 2 of prod-tokyo (vpn-0abc) is DOWN — Tunnelwatch");
    for (const part of [text, html]) {
      for (const fact of [
        "prod-tokyo (vpn-0abc)",
        "AWS, ap-northeast-1, account acme-prod",
        "2 (outside IP 52.95.1.2), DOWN",
        "IKE_PROPOSAL_MISMATCH",
        "NO_PROPOSAL_CHOSEN from 52.95.1.2",
        "3 events since 14:02 UTC",
        "Compare phase 1 proposals",
        "Customer gateway",
        "https://tunnelwatch.example.com/incidents/inc_1",
      ]) {
        expect(part, fact).toContain(fact);
      }
    }
    expect(text).toMatch(/^1\. Compare phase 1 proposals$/m);
    expect(text).toMatch(/^2\. Check the pre-shared key$/m);
    expect(html).toContain("<ol");
    expect(html).toContain('href="https://tunnelwatch.example.com/incidents/inc_1"');
  });

  it("escapes every interpolated value in HTML", () => {
    const { html } = renderEmail(
      alertMessage({
        summary: 'Tunnel 1 of <b>"edge"</b> is DOWN',
        fault: { code: "PEER_UNREACHABLE", evidence: "<script>alert('x')</script> & more" },
        remediation: [{ title: "<img src=x onerror=alert(1)>", detail: "a & b" }],
      }),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more");
    expect(html).toContain("&lt;b&gt;&quot;edge&quot;&lt;/b&gt;");
  });

  it("says a test message is a test", () => {
    const { subject, text, html } = renderEmail(
      alertMessage({ trigger: "TEST", severity: "INFO", summary: "Test alert for Acme Logistics", folded: null }),
    );
    expect(subject).toBe("[TEST] Test alert for Acme Logistics — Tunnelwatch");
    expect(text).toContain("This is a test message");
    expect(html).toContain("This is a test message");
    expect(text).not.toContain("events since");
  });

  it("dates folded events from another day", () => {
    const { text } = renderEmail(alertMessage({ folded: { count: 5, since: new Date("2025-03-03T23:50:00Z") } }));
    expect(text).toContain("5 events since 2025-03-03 23:50 UTC");
  });

  it("renders a message without connection, tunnel, incident or fault", () => {
    const { text } = renderEmail(
      alertMessage({
        trigger: "MAINTENANCE_ANNOUNCED",
        severity: "INFO",
        summary: "AWS maintenance on 2 tunnels",
        connection: null,
        tunnel: null,
        incident: null,
        fault: null,
        remediation: [],
        folded: null,
        details: { windowStart: "2025-03-10T02:00:00Z", tunnelsAffected: 2 },
      }),
    );
    expect(text).toContain("Window start:");
    expect(text).not.toContain("What to do first");
  });
});

describe("webhook payload", () => {
  it("follows schema version 1", () => {
    const payload = webhookPayload(alertMessage({ trigger: "GRADE_DROPPED", severity: "MINOR" }));
    expect(WEBHOOK_SCHEMA_VERSION).toBe(1);
    expect(payload).toEqual({
      version: 1,
      id: "dlv_01J9Z8K2M4TUNNEL2DOWN",
      type: "posture.grade_dropped",
      severity: "minor",
      occurredAt: "2025-03-04T14:07:30.000Z",
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
      folded: { count: 3, since: "2025-03-04T14:02:00.000Z" },
      url: "https://tunnelwatch.example.com/incidents/inc_1",
    });
  });
});

describe("Slack payload", () => {
  it("has a fallback text, blocks with fields, steps and a link button", () => {
    const payload = slackPayload(alertMessage());
    expect(payload.text).toBe("[MAJOR] Tunnel 2 of prod-tokyo (vpn-0abc) is DOWN");
    const types = payload.blocks.map((block) => block.type);
    expect(types[0]).toBe("header");
    expect(types).toContain("section");
    const json = JSON.stringify(payload);
    expect(json).toContain("What to do first");
    expect(json).toContain("3 events since 14:02 UTC");
    expect(payload.blocks.at(-1)).toEqual({
      type: "actions",
      elements: [
        {
          type: "button",
          text: { type: "plain_text", text: "Open in Tunnelwatch" },
          url: "https://tunnelwatch.example.com/incidents/inc_1",
        },
      ],
    });
  });

  it("escapes &, < and > in text", () => {
    const payload = slackPayload(
      alertMessage({
        summary: "Tunnel 1 of <edge> is DOWN & out",
        fault: { code: "X", evidence: "<!channel> ```break```" },
      }),
    );
    expect(payload.text).toBe("[MAJOR] Tunnel 1 of &lt;edge&gt; is DOWN &amp; out");
    const mrkdwn = payload.blocks.flatMap((block) =>
      block.type === "section" ? [block.text?.text ?? "", ...(block.fields ?? []).map((f) => f.text)] : [],
    );
    expect(mrkdwn.join("\n")).not.toMatch(/<(?!http)/);
    expect(mrkdwn.join("\n")).toContain("&lt;!channel&gt;");
  });
});
