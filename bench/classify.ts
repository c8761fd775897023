// npm run bench:classify
// Classifies a large mixed log corpus generated from the real-line fixtures, streamed from a
// file, on one core; prints lines/s for classification and for a baseline that only splits the
// lines and parses the JSON ones, their ratio (best of a few alternating rounds of each), and
// the peak memory of each pass.
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { classifyLine, LineSplitter, MAX_LINE_LENGTH } from "@tunnelwatch/core";
import { readLabelledLines } from "../packages/core/test/labelled-lines.ts";
import { seededRandom } from "../packages/core/test/seeded-random.ts";

const LINES = Number(process.env.BENCH_LINES ?? 1_200_000);
const FILE = path.join(tmpdir(), "tunnelwatch-bench", `classify-${LINES}.log`);

// The mix a Tunnelwatch deployment reads: AWS tunnel activity and BGP records from CloudWatch
// Logs (JSON), and text lines from Alibaba's VPN logs and customer gateways of every vendor.
const SHARE = { awsTunnel: 0.4, awsBgp: 0.1, text: 0.5 };

function generate(): void {
  const random = seededRandom(20261123);
  const corpus = readLabelledLines("corpus");
  const awsDetails = corpus.filter((c) => c.vendor === "aws").map((c) => c.line);
  const bgpDetails = corpus.filter((c) => c.vendor === "aws-bgp" && !c.line.startsWith("{")).map((c) => c.line);
  const text = corpus.filter((c) => c.vendor !== "aws" && c.vendor !== "aws-bgp").map((c) => c.line);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)] as T;
  const octet = () => Math.floor(random() * 254) + 1;
  const ip = () => `${octet()}.${octet()}.${octet()}.${octet()}`;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join("");
  // Vary addresses, SPIs and numbers so that no two lines are the same text.
  const vary = (line: string) =>
    line
      .replace(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, ip)
      .replace(/\b[0-9a-f]{8}\b/g, () => hex(8))
      .replace(/#\d+/g, () => `#${Math.floor(random() * 99_999)}`);
  // Written in batches, so that generating the input does not hold it in memory.
  mkdirSync(path.dirname(FILE), { recursive: true });
  const partial = `${FILE}.partial`;
  const fd = openSync(partial, "w");
  let batch: string[] = [];
  let time = 1_763_000_000;
  for (let i = 0; i < LINES; i++) {
    time += random() * 2;
    const roll = random();
    if (roll < SHARE.awsTunnel) {
      const isUp = random() < 0.8;
      batch.push(
        JSON.stringify({
          event_timestamp: Math.floor(time),
          details: pick(awsDetails)
            .replace("xxxx", hex(8))
            .replace("{retry_count}", String(Math.floor(random() * 5) + 1)),
          dpd_enabled: true,
          nat_t_detected: random() < 0.3,
          ike_phase1_state: isUp ? "Established" : "Down",
          ike_phase2_state: isUp ? "Established" : "Negotiating",
        }),
      );
    } else if (roll < SHARE.awsTunnel + SHARE.awsBgp) {
      batch.push(
        JSON.stringify({
          resource_id: `vpn-${hex(17)}_${ip()}`,
          event_timestamp: Math.floor(time * 1000),
          timestamp: new Date(time * 1000).toISOString(),
          type: "BGPStatus",
          status: random() < 0.7 ? "UP" : "DOWN",
          message: { details: pick(bgpDetails).replaceAll("{ip: xxx}", ip()) },
        }),
      );
    } else {
      batch.push(vary(pick(text)));
    }
    if (batch.length === 10_000 || i === LINES - 1) {
      writeSync(fd, `${batch.join("\n")}\n`);
      batch = [];
    }
  }
  closeSync(fd);
  renameSync(partial, FILE);
}

async function pass(name: string, onLine: (line: string, isOversized: boolean) => void) {
  let peakRss = process.memoryUsage().rss;
  let lines = 0;
  const splitter = new LineSplitter(MAX_LINE_LENGTH, (text, isOversized) => {
    onLine(text, isOversized);
    lines++;
  });
  const started = performance.now();
  for await (const chunk of createReadStream(FILE, { highWaterMark: 1 << 20 })) {
    splitter.push(chunk as Buffer);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  splitter.end();
  const seconds = (performance.now() - started) / 1000;
  const perSec = Math.round(lines / seconds);
  console.log(
    `${name.padEnd(14)} ${lines} lines in ${seconds.toFixed(2)} s = ${perSec.toLocaleString("en")} lines/s, peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
  return perSec;
}

if (!existsSync(FILE)) {
  console.log(`Generating ${LINES.toLocaleString("en")} lines from the corpus into ${FILE} ...`);
  generate();
}
console.log(
  `Input: ${FILE} (${(statSync(FILE).size / 2 ** 20).toFixed(0)} MiB), one core (single-threaded Node.js ${process.version})`,
);

console.log(`RSS before the passes: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
const codes = new Map<string, number>();
let jsonRecords = 0;
// Warm up both paths on the same input first, so that neither measured pass pays for the JIT.
await pass("warm-up", (line, isOversized) => {
  if (line.charCodeAt(0) === 123) {
    try {
      JSON.parse(line);
    } catch {
      // text
    }
  }
  if (!isOversized) classifyLine(line);
});
// The machine is shared: both passes run ROUNDS times, alternating, and each keeps its best.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
let baselineLinesPerSec = 0;
let classifyLinesPerSec = 0;
for (let round = 0; round < ROUNDS; round++) {
  jsonRecords = 0;
  codes.clear();
  const baseline = await pass("baseline", (line) => {
    if (line.charCodeAt(0) === 123) {
      try {
        JSON.parse(line);
        jsonRecords++;
      } catch {
        // counted as text
      }
    }
  });
  const classify = await pass("classify", (line, isOversized) => {
    const { code } = isOversized ? { code: "UNKNOWN" } : classifyLine(line);
    codes.set(code, (codes.get(code) ?? 0) + 1);
  });
  baselineLinesPerSec = Math.max(baselineLinesPerSec, baseline);
  classifyLinesPerSec = Math.max(classifyLinesPerSec, classify);
}
console.log(
  `JSON records: ${jsonRecords.toLocaleString("en")}; codes: ${[...codes].map(([c, n]) => `${c} ${n}`).join(", ")}`,
);
const ratio = Math.round((classifyLinesPerSec / baselineLinesPerSec) * 1000) / 1000;
console.log(JSON.stringify({ classifyLinesPerSec, baselineLinesPerSec, ratio }));
