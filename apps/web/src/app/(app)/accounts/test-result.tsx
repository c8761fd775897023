"use client";
// The outcome of a credentials test: reachable or not, how many connections, what is unavailable.

export interface TestResult {
  ok: boolean;
  connections: number;
  message: string;
  unavailable: Record<string, string>;
}

export function TestResultView({ result }: { result: TestResult }) {
  const gaps = Object.entries(result.unavailable);
  return (
    <div className={result.ok ? "notice" : "notice error"} role="status">
      <strong>{result.ok ? "Credentials work." : "The test failed."}</strong> {result.message}
      {gaps.length ? (
        <details>
          <summary className="small">Unavailable optional data ({gaps.length})</summary>
          <ul className="small">
            {gaps.map(([feature, reason]) => (
              <li key={feature}>
                <span className="mono">{feature}</span>: {reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
