// An epoch timestamp written as a number (or a string of digits) in whatever unit its writer
// chose: AWS's event_timestamp in seconds or milliseconds, GELF's and Fluent Bit's seconds with a
// fraction, journald's microseconds, nanoseconds.

/** A number written as a string: digits with an optional fraction. */
export const DIGITS = /^\d+(?:\.\d+)?$/;

/** Epoch milliseconds of `value`, judged by its size; undefined when it is no positive number. */
export function epochMsOf(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && DIGITS.test(value) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (n < 1e11) return n * 1000;
  if (n < 1e14) return n;
  if (n < 1e17) return Math.floor(n / 1000);
  return Math.floor(n / 1e6);
}
