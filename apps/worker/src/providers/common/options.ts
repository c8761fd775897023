// Transport settings shared by every provider client. Production uses the defaults; tests shorten
// them so that timeouts and retries run in milliseconds.

export interface ClientOptions {
  /** Time allowed to open the TCP/TLS connection, ms. */
  connectTimeoutMs: number;
  /** Time allowed for one request and its response, ms. */
  requestTimeoutMs: number;
  /** Attempts per call, the first included (throttling, 5xx and timeouts are retried). */
  maxAttempts: number;
  /** Base of the exponential backoff, ms: attempt n waits about base * 2^(n-1), with jitter. */
  baseDelayMs: number;
  /** Upper bound of one backoff delay, ms. */
  maxDelayMs: number;
  /** Clock, for log windows and token expiry (tests pin it). */
  now: () => number;
}

export const DEFAULT_CLIENT_OPTIONS: ClientOptions = {
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  now: () => Date.now(),
};

export function resolveOptions(options: Partial<ClientOptions> = {}): ClientOptions {
  return { ...DEFAULT_CLIENT_OPTIONS, ...options };
}
