// What the provider handlers need from the simulator (kept apart to avoid import cycles).
import type { AlibabaAccount, AwsAccount, Fleet, MulesoftAccount, SimConnection, SimTunnel } from "./fleet.ts";
import type { Scenario, SimEvent } from "./scenario.ts";

export interface AccountOverrides {
  /** Actions refused with the provider's permission error, e.g. "ec2:DescribeVpnConnections", "logs:*". */
  deny: string[];
  /** AWS: Business/Enterprise support plan (AWS Health API); undefined keeps the fleet's value. */
  hasSupportPlan?: boolean;
}

export interface SimContext {
  fleet: Fleet;
  scenario: Scenario;
  now(): number;
  /** Earliest moment that has logs. */
  originMs(): number;
  awsAccountByKey(accessKeyId: string): AwsAccount | undefined;
  alibabaAccountByKey(accessKeyId: string): AlibabaAccount | undefined;
  mulesoftAccountByClientId(clientId: string): MulesoftAccount | undefined;
  connectionsOf(accountId: string, region?: string): SimConnection[];
  isDenied(accountId: string, action: string): boolean;
  hasSupportPlan(account: AwsAccount): boolean;
  /** Visible events of one tunnel, from <= ts <= to, clamped to [origin, now]. */
  visibleEvents(connection: SimConnection, tunnel: SimTunnel, from: number, to: number): SimEvent[];
}
