// Exponential backoff with jitter, for calls whose SDK has no usable retry strategy of its own
// (fetch for Anypoint; the Alibaba SDK, whose backoff is 2^(n*period) ms, see alibaba/client.ts).
import type { ClientOptions } from "./options.ts";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * "Equal jitter": half of the exponential step is fixed, the other half random, so two clients
 * throttled together spread out but no retry comes back immediately.
 */
export function backoffDelay(attempt: number, options: Pick<ClientOptions, "baseDelayMs" | "maxDelayMs">): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

/** Runs `call` up to `maxAttempts` times while `isRetryable` says the failure is transient. */
export async function withRetry<T>(
  call: (attempt: number) => Promise<T>,
  isRetryable: (error: unknown) => boolean,
  options: Pick<ClientOptions, "maxAttempts" | "baseDelayMs" | "maxDelayMs">,
  retryAfterMs?: (error: unknown) => number | undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= options.maxAttempts || !isRetryable(error)) throw error;
      const hinted = retryAfterMs?.(error);
      const delay =
        hinted !== undefined && hinted >= 0 ? Math.min(hinted, options.maxDelayMs) : backoffDelay(attempt, options);
      await sleep(delay);
    }
  }
}
