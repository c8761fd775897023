import { describe, expect, it } from "vitest";
import { assertOutboundAllowed, isPrivateAddress } from "../src/admin/outbound-address.ts";

const resolvesTo = (addresses: string[]) => async () => addresses;

describe("outbound addresses", () => {
  it("knows loopback, private, link-local and carrier-grade NAT ranges, in IPv4 and IPv6", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["52.94.76.10", "172.32.0.1", "8.8.8.8", "2600:1f18::1", "::ffff:52.94.76.10"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses a URL whose host is or resolves to a private address, naming the way to allow it", async () => {
    await expect(
      assertOutboundAllowed("http://169.254.169.254/latest/meta-data", "endpoint override", ""),
    ).rejects.toThrow(/private, loopback or link-local address \(169\.254\.169\.254\).*PRIVATE_HOSTS_ALLOWED/);
    await expect(
      assertOutboundAllowed(
        "https://ec2.internal.example",
        "endpoint override",
        "",
        resolvesTo(["52.1.1.1", "10.0.0.7"]),
      ),
    ).rejects.toThrow(/\(10\.0\.0\.7\)/);
    await expect(
      assertOutboundAllowed("https://nowhere.invalid", "endpoint override", "", async () => {
        throw new Error("ENOTFOUND");
      }),
    ).rejects.toThrow(/does not resolve/);
  });

  it("lets public hosts through, and private ones the allow-list names by host or host:port", async () => {
    await expect(
      assertOutboundAllowed("https://ec2.us-east-1.amazonaws.com", "x", "", resolvesTo(["52.94.76.10"])),
    ).resolves.toBeUndefined();
    await expect(assertOutboundAllowed("http://127.0.0.1:4566", "x", "localhost, 127.0.0.1")).resolves.toBeUndefined();
    await expect(assertOutboundAllowed("http://127.0.0.1:4566", "x", "127.0.0.1:4566")).resolves.toBeUndefined();
    await expect(assertOutboundAllowed("http://127.0.0.1:9999", "x", "127.0.0.1:4566")).rejects.toThrow(/loopback/);
  });
});
