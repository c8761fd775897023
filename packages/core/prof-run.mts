import { readFileSync } from "node:fs";
import { classifyLine } from "@tunnelwatch/core";

const lines = readFileSync("/tmp/tunnelwatch-bench/classify-1200000.log", "utf8")
  .split("\n")
  .slice(0, 400000)
  .filter(Boolean);
const which = process.env.SET ?? "text";
const set = lines.filter((l) =>
  which === "text" ? !l.startsWith("{") : which === "bgp" ? l.startsWith("{") && !l.includes("ike_phase1_state") : true,
);
for (let r = 0; r < 6; r++) for (const l of set) classifyLine(l);
