import { describe, expect, it } from "vitest";
import { assessCustomerGateway, GATEWAY_MIN_DOWN } from "./customer-gateways.ts";

const gateway = { customerGatewayIp: "203.0.113.8", providers: ["aws" as const], regions: ["us-east-1"] };

describe("assessCustomerGateway", () => {
  it("says nothing of a gateway with fewer than two connections down", () => {
    expect(GATEWAY_MIN_DOWN).toBe(2);
    expect(assessCustomerGateway({ ...gateway, connections: 1, down: 1 })).toBeNull();
    expect(assessCustomerGateway({ ...gateway, connections: 40, down: 0 })).toBeNull();
  });

  it("points at the gateway when half or more of its connections are down", () => {
    const result = assessCustomerGateway({ ...gateway, connections: 4, down: 2 });
    expect(result?.likelyCause).toBe("customer-gateway");
    expect(result?.summary).toMatch(
      /^2 of 4 connections that end on 203\.0\.113\.8 have no tunnel up \(AWS; 1 region\)/,
    );
    expect(result?.summary).toMatch(/check the gateway first/);
  });

  it("points at the gateway when a third of its connections are down at more than one provider", () => {
    const across = {
      ...gateway,
      providers: ["aws" as const, "alibaba" as const],
      regions: ["us-east-1", "cn-hangzhou"],
    };
    const result = assessCustomerGateway({ ...across, connections: 9, down: 3 });
    expect(result?.likelyCause).toBe("customer-gateway");
    expect(result?.summary).toMatch(/\(AWS, Alibaba Cloud; 2 regions\)/);
    expect(result?.summary).toMatch(/do not take down another provider's tunnels/);
    // The database's provider names, in upper case, read the same.
    const counted = { ...across, providers: ["AWS" as const, "ALIBABA" as const], connections: 9, down: 3 };
    expect(assessCustomerGateway(counted)).toEqual(result);
    // Most of its connections up: the gateway answers, whatever the providers of the two down.
    expect(assessCustomerGateway({ ...across, connections: 30, down: 2 })?.likelyCause).toBe("connections");
  });

  it("points at the connections when a few of one provider's are down and the gateway's others are up", () => {
    const result = assessCustomerGateway({ ...gateway, connections: 30, down: 3 });
    expect(result?.likelyCause).toBe("connections");
    expect(result?.summary).toMatch(/its other connections have a tunnel up/i);
  });
});
