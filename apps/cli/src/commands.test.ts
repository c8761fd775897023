import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";

async function run(argv: string[], stdin = "") {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c) => (out += c));
  stderr.on("data", (c) => (err += c));
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, env: {} });
  return { code, out, err };
}

describe("tunnelwatch classify", () => {
  it("writes one JSON object per input line, in order, with the contract's fields", async () => {
    const input = [
      "Feb  9 23:08:00 gw charon: 13[IKE] <aws-tun1|74> received TS_UNACCEPTABLE notify, no CHILD_SA built",
      "",
      "garbage \u0001\u0002",
      '{"event_timestamp": 1700000000, "details": "AWS tunnel DPD timed out after 3 retransmits"}',
    ].join("\n");
    const { code, out } = await run(["classify"], input);
    expect(code).toBe(0);
    const rows = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => [r.line, r.code])).toEqual([
      [1, "TRAFFIC_SELECTOR_MISMATCH"],
      [2, "UNKNOWN"],
      [3, "UNKNOWN"],
      [4, "DPD_TIMEOUT"],
    ]);
    for (const row of rows)
      expect(Object.keys(row)).toEqual(expect.arrayContaining(["code", "severity", "vendor", "phase", "evidence"]));
    expect(rows[0]).toMatchObject({
      vendor: "strongswan",
      phase: "2",
      severity: "critical",
      evidence: "TS_UNACCEPTABLE",
    });
    expect(rows[2].reason).toMatch(/binary/);
  });

  it("applies a vendor hint and refuses an unknown one", async () => {
    const hinted = await run(["classify", "--vendor", "alibaba"], "received NO_PROPOSAL_CHOSEN notify error\n");
    expect(JSON.parse(hinted.out).vendor).toBe("alibaba");
    const bad = await run(["classify", "--vendor", "nokia"], "x\n");
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('unknown vendor "nokia"');
    expect(bad.err).toContain("strongswan");
    expect(bad.err).not.toMatch(/\bunknown\b(?! vendor)/);
  });

  it("reports an oversized line without holding it", async () => {
    const { out } = await run(["classify"], `${"a".repeat(100_000)}\nok\n`);
    const [first] = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first).toMatchObject({
      code: "UNKNOWN",
      reason: "line is 100000 bytes, over the 16384 a log line can have",
    });
  });
});

describe("tunnelwatch posture", () => {
  const connection = {
    provider: "aws",
    externalId: "vpn-0abc",
    routing: "bgp",
    tunnels: [
      { index: 1, status: "UP", options: { dpdTimeoutAction: "restart" } },
      { index: 2, status: "DOWN", statusMessage: "IPSEC IS DOWN", options: { dpdTimeoutAction: "restart" } },
    ],
  };

  it("grades one connection", async () => {
    const { code, out } = await run(["posture"], JSON.stringify(connection));
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ grade: "D", expectedDowntimeSeconds: 3600 });
    expect(result.findings.map((f: { code: string }) => f.code)).toContain("TUNNEL_REDUNDANCY_LOST");
  });

  it("grades an array", async () => {
    const { out } = await run(
      ["posture"],
      JSON.stringify([connection, { ...connection, externalId: "vpn-2", tunnels: [] }]),
    );
    expect(JSON.parse(out).map((r: { grade: string }) => r.grade)).toEqual(["D", "F"]);
  });

  it("names the invalid field and refuses invalid JSON", async () => {
    const invalid = await run(["posture"], JSON.stringify({ ...connection, routing: "ospf" }));
    expect(invalid.code).toBe(65);
    expect(invalid.err).toMatch(/routing/);
    const notJson = await run(["posture"], "{nope");
    expect(notJson.code).toBe(65);
    expect(notJson.err).toMatch(/not valid JSON/);
  });
});

describe("tunnelwatch playbook", () => {
  it("prints numbered steps with vendor variants", async () => {
    const { code, out } = await run(["playbook", "IDLE_TIMEOUT", "--provider", "aws"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^IDLE_TIMEOUT/);
    expect(out).toMatch(/\n {2}1\. /);
    expect(out).toContain("AWS Site-to-Site VPN");
    expect(out).not.toContain("Juniper SRX");
  });

  it("refuses an unknown code with a usage error", async () => {
    const { code, err } = await run(["playbook", "NOT_A_CODE"]);
    expect(code).toBe(64);
    expect(err).toContain('no playbook for "NOT_A_CODE"');
  });
});
