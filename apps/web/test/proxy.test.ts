import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../src/proxy.ts";

describe("organisation links (?org=)", () => {
  it("selects the organisation and drops the parameter from the address", () => {
    const response = proxy(new NextRequest("https://tw.example.net/incidents/abc?org=acme-networks&tab=2"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("https://tw.example.net/incidents/abc?tab=2");
    expect(response.cookies.get("tw-tenant")?.value).toBe("acme-networks");
  });

  it("ignores a value that is not a slug, and pages without the parameter", () => {
    const odd = proxy(new NextRequest("https://tw.example.net/?org=%3Cscript%3E"));
    expect(odd.headers.get("location")).toBe("https://tw.example.net/");
    expect(odd.cookies.get("tw-tenant")).toBeUndefined();
    const plain = proxy(new NextRequest("https://tw.example.net/connections"));
    expect(plain.headers.get("location")).toBeNull();
    expect(plain.headers.get("x-middleware-next")).toBe("1");
  });
});
