// Shared setup for the simulator's tests: a simulator on a loopback port with a clock the test moves.
import type { AlibabaAccount, AwsAccount, MulesoftAccount } from "./fleet.ts";
import { createSimulator, type RunningSimulator, type Simulator, type SimulatorOptions } from "./simulator.ts";

/** A fixed, round instant so runs are reproducible. */
export const T0 = Date.UTC(2026, 2, 2, 12, 0, 0);

export interface TestSim {
  sim: Simulator;
  server: RunningSimulator;
  url: string;
  clock: { now: number };
  aws: AwsAccount;
  alibaba: AlibabaAccount;
  mulesoft: MulesoftAccount;
}

export async function startSim(options: Partial<SimulatorOptions> = {}): Promise<TestSim> {
  const clock = { now: T0 };
  const sim = createSimulator({ seed: 7, clock: () => clock.now, ...options });
  const server = await sim.listen(0);
  const find = <P extends "aws" | "alibaba" | "mulesoft">(p: P) => {
    const account = sim.fleet.accounts.find((a) => a.provider === p);
    if (!account) throw new Error(`no ${p} account in the fleet`);
    return account;
  };
  return {
    sim,
    server,
    url: server.url,
    clock,
    aws: find("aws") as AwsAccount,
    alibaba: find("alibaba") as AlibabaAccount,
    mulesoft: find("mulesoft") as MulesoftAccount,
  };
}

export async function control<T = unknown>(url: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
