import { runSimulatorCli } from "@tunnelwatch/simulator";
import type { Command } from "../command.ts";

export const simulator: Command = {
  name: "simulator",
  summary: "Start the provider simulator (AWS, Alibaba Cloud and Anypoint APIs on one port)",
  usage: `tunnelwatch simulator [--port 4566] [--seed 1] [--tenants 2] [--connections 6] [--log-rate 2] [--json] ...

An HTTP server that speaks the AWS EC2 Query, CloudWatch Logs and Health, Alibaba Cloud VPC
RPC and Anypoint REST wire formats for a generated fleet, so the real provider clients run
against it unchanged (--endpoint for fetch-status, endpoint override for cloud accounts).
Deterministic for a seed. Control API: GET /_sim/fleet, POST /_sim/faults, POST /_sim/chaos,
GET /_sim/stats. Run it with --help for every option.`,
  async run(args) {
    const started = await runSimulatorCli(args);
    if (!started) return 0;
    // Serve until SIGINT or SIGTERM (the simulator stops itself then).
    await new Promise(() => {});
    return 0;
  },
};
