"use client";
// "Send test" on a channel: a real test message through its transport now, and what came back.
import type { RouterOutputs } from "~/trpc/client.tsx";
import { formatLatency } from "./delivery-format.ts";

export type ChannelTestOutcome = RouterOutputs["alerts"]["testChannel"];

/** "Delivered — HTTP 200 in 84 ms", "Delivered — SMTP 250 in 40 ms", or why it was not delivered. */
export function testOutcomeText(outcome: ChannelTestOutcome, isEmail: boolean): string {
  const protocol = isEmail ? "SMTP" : "HTTP";
  if (outcome.ok) {
    const code = outcome.responseCode === null ? "" : ` ${protocol} ${outcome.responseCode}`;
    return `Delivered —${code} in ${formatLatency(outcome.latencyMs)}`;
  }
  const reason =
    outcome.error ?? (outcome.responseCode === null ? "no response" : `${protocol} ${outcome.responseCode}`);
  return `Not delivered — ${reason}`;
}

export type ChannelTestState =
  | { state: "sending" }
  | { state: "done"; outcome: ChannelTestOutcome }
  | { state: "error"; message: string };

/** The outcome of the last test of a channel, on a line of its own under the channel. */
export function ChannelTestResult({ test, isEmail }: { test: ChannelTestState; isEmail: boolean }) {
  if (test.state === "sending") {
    return (
      <div className="small muted" role="status" data-testid="channel-test-result">
        <span className="spinner" aria-hidden="true" /> Sending a test alert…
      </div>
    );
  }
  const ok = test.state === "done" && test.outcome.ok;
  const text = test.state === "done" ? testOutcomeText(test.outcome, isEmail) : `Could not test: ${test.message}`;
  return (
    <div className="small" role="status" data-testid="channel-test-result">
      <span className={`badge ${ok ? "ok" : "bad"}`}>{ok ? "test passed" : "test failed"}</span> {text}
    </div>
  );
}
