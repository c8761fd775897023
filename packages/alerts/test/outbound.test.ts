import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { guardedLookup, isHostAllowed, isPrivateAddress, outboundAddressProblem } from "../src/index.ts";

function lookupVia(allowList: string | undefined, host: string, all: boolean, port?: number) {
  return new Promise<{ err: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>((resolve) =>
    guardedLookup(allowList, port)(host, { all }, (err, address) => resolve({ err, address })),
  );
}

describe("outbound policy", () => {
  it("knows the private ranges", () => {
    expect(isPrivateAddress("169.254.169.254")).toBe(true);
    expect(isPrivateAddress("::ffff:127.0.0.1")).toBe(true);
    expect(isPrivateAddress("52.94.76.10")).toBe(false);
    expect(isPrivateAddress("not-an-ip")).toBe(false);
  });

  it("matches the allow-list by host, or by host and effective port", () => {
    expect(isHostAllowed(new URL("http://127.0.0.1:4566/x"), "localhost, 127.0.0.1")).toBe(true);
    expect(isHostAllowed(new URL("http://127.0.0.1:4566/x"), "127.0.0.1:4566")).toBe(true);
    expect(isHostAllowed(new URL("http://127.0.0.1:9999/x"), "127.0.0.1:4566")).toBe(false);
    expect(isHostAllowed(new URL("https://Hooks.Internal/x"), "hooks.internal:443")).toBe(true);
    expect(isHostAllowed(new URL("http://hooks.internal/x"), "hooks.internal:443")).toBe(false);
    expect(isHostAllowed(new URL("http://[::1]:8080/x"), "::1")).toBe(true);
    expect(isHostAllowed(new URL("http://[::1]:8080/x"), "[::1]:8080")).toBe(true);
    expect(isHostAllowed(new URL("http://127.0.0.1/x"), undefined)).toBe(false);
    expect(isHostAllowed(new URL("http://127.0.0.1/x"), "")).toBe(false);
  });

  it("explains why a URL may not be called", async () => {
    expect(await outboundAddressProblem("http://10.0.0.1/x", "webhook", undefined)).toMatch(
      /^The webhook 10\.0\.0\.1 is a private, loopback or link-local address \(10\.0\.0\.1\)/,
    );
    expect(await outboundAddressProblem("http://10.0.0.1/x", "webhook", "10.0.0.1")).toBeNull();
    expect(await outboundAddressProblem("https://hooks.example", "webhook", "", async () => ["52.1.1.1"])).toBeNull();
  });

  it("fails a lookup that lands on a private address, in both callback forms", async () => {
    for (const all of [true, false]) {
      const { err } = await lookupVia(undefined, "localhost", all);
      expect(err?.code).toBe("EPRIVATEADDRESS");
      expect(err?.message).toMatch(
        /^localhost resolves to a private, loopback or link-local address \((127\.0\.0\.1|::1)\)/,
      );
    }
  });

  it("lets an allowed host resolve, by name or by name and port", async () => {
    const single = await lookupVia("localhost", "localhost", false);
    expect(single.err).toBeNull();
    expect(typeof single.address).toBe("string");
    const many = await lookupVia("localhost:8443", "localhost", true, 8443);
    expect(many.err).toBeNull();
    expect(Array.isArray(many.address)).toBe(true);
    expect((await lookupVia("localhost:8443", "localhost", true, 9000)).err?.code).toBe("EPRIVATEADDRESS");
  });
});
