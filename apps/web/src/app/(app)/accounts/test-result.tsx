"use client";
// The outcome of a credentials test: reachable or not, how many connections, what is unavailable.

export interface TestResult {
  ok: boolean;
  connections: number;
  message: string;
  unavailable: Record<string, string>;
}

/** Optional data a cloud account cannot provide, each with the reason. */
export function UnavailableList({ unavailable }: { unavailable: Record<string, string> }) {
  return (
    <ul className="small">
      {Object.entries(unavailable).map(([feature, reason]) => (
        <li key={feature}>
          <span className="mono">{feature}</span>: {reason}
        </li>
      ))}
    </ul>
  );
}

export function TestResultView({ result }: { result: TestResult }) {
  const gaps = Object.entries(result.unavailable);
  return (
    <div className={result.ok ? "notice" : "notice error"} role="status">
      <strong>{result.ok ? "Credentials work." : "The test failed."}</strong> {result.message}
      {gaps.length ? (
        <details>
          <summary className="small">Unavailable optional data ({gaps.length})</summary>
          <UnavailableList unavailable={result.unavailable} />
        </details>
      ) : null}
    </div>
  );
}
