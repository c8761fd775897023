export type { SimulatorCliResult } from "./cli.ts";
export { runSimulatorCli } from "./cli.ts";
export type {
  AlibabaAccount,
  AwsAccount,
  Fleet,
  FleetShape,
  MulesoftAccount,
  SimAccount,
  SimConnection,
  SimProvider,
  SimTunnel,
} from "./fleet.ts";
export { DEFAULT_FLEET_SHAPE, generateFleet } from "./fleet.ts";
export type { FaultKind, InjectedFault } from "./scenario.ts";
export { FAULT_KINDS, SLOT_MS } from "./scenario.ts";
export type {
  AccountStats,
  ChaosSettings,
  FaultInput,
  RunningSimulator,
  SimStats,
  SimulatorOptions,
  StreamStats,
} from "./simulator.ts";
export { createSimulator, Simulator } from "./simulator.ts";
