export * from "./alerts/index.ts";
export * from "./classify/index.ts";
export { LineSplitter, type OnLine } from "./classify/line-splitter.ts";
export * from "./codes.ts";
export * from "./connection.ts";
export * from "./incidents/index.ts";
export * from "./playbooks/index.ts";
export * from "./posture/index.ts";
export * from "./recommended.ts";
