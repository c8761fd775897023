import { parseArgs } from "node:util";
import {
  type Classification,
  classifyLine,
  LineSplitter,
  MAX_LINE_LENGTH,
  VENDORS,
  type Vendor,
} from "@tunnelwatch/core";
import { type Command, UsageError } from "../command.ts";
import { stdinBytes, write } from "../read-stdin.ts";

/** Vendors a caller can name: "unknown" is what the classifier says, not a hint. */
const HINTABLE_VENDORS = VENDORS.filter((v) => v !== "unknown");

function toJson(result: Classification, lineNumber: number): string {
  return JSON.stringify({
    line: lineNumber,
    code: result.code,
    severity: result.severity,
    vendor: result.vendor,
    phase: result.phase,
    confidence: result.confidence,
    evidence: result.evidence,
    rule: result.rule,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.clears.length > 0 ? { clears: result.clears } : {}),
    fields: result.fields,
  });
}

export const classify: Command = {
  name: "classify",
  summary: "Classify tunnel log lines from stdin into fault codes (JSON lines out)",
  usage: `tunnelwatch classify [--vendor V]

Reads log lines on stdin (AWS tunnel and BGP log records and TunnelState alarms, strongSwan,
libreswan, racoon, OpenBSD iked and isakmpd, Alibaba, Juniper SRX and ScreenOS, Cisco ASA/IOS,
Windows IPsec events, Palo Alto, Fortinet, WatchGuard, Meraki, and the BGP daemons of
customer gateways...; also lines wrapped in JSON by Docker,
journald, the clouds' log services or log exports, and lines copied through mail or web pages)
and writes one JSON object per input line, in order:
code, severity, vendor, phase, confidence, evidence, rule and the parsed fields. Lines it
cannot read, or that are not tunnel lines, come out as UNKNOWN with a reason; input of any size
is streamed.

  --vendor V   the vendor to assume when a line does not show it (${HINTABLE_VENDORS.join(", ")})

example:
  echo 'charon: 16[IKE] giving up after 5 retransmits' | npm run -s tunnelwatch -- classify`,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { vendor: { type: "string" } } });
    const vendor = values.vendor as Vendor | undefined;
    if (vendor !== undefined && !(HINTABLE_VENDORS as readonly string[]).includes(vendor)) {
      throw new UsageError(`unknown vendor "${vendor}"; one of ${HINTABLE_VENDORS.join(", ")}`);
    }
    const options = vendor ? { vendor } : {};
    let lineNumber = 0;
    let out: string[] = [];
    const splitter = new LineSplitter(MAX_LINE_LENGTH, (text, isOversized, length) => {
      lineNumber++;
      const result = isOversized
        ? ({
            code: "UNKNOWN",
            severity: "info",
            phase: null,
            vendor: "unknown",
            confidence: 0,
            evidence: null,
            rule: null,
            reason: `line is ${length} bytes, over the ${MAX_LINE_LENGTH} a log line can have`,
            clears: [],
            fields: {},
          } satisfies Classification)
        : classifyLine(text, options);
      out.push(toJson(result, lineNumber));
    });
    for await (const chunk of stdinBytes(io.stdin)) {
      splitter.push(chunk);
      if (out.length > 0) {
        const batch = `${out.join("\n")}\n`;
        out = [];
        await write(io.stdout, batch);
      }
    }
    splitter.end();
    if (out.length > 0) await write(io.stdout, `${out.join("\n")}\n`);
    return 0;
  },
};
