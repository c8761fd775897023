"use client";
import { useQuery } from "@tanstack/react-query";
// Pieces the logs, incidents and maintenance screens share: the connection picker, the code
// badge, time ranges kept in the URL, and time formatting.
import { FINDING_CODES, LOG_FAULT_CODES } from "@tunnelwatch/core/browser";
import { useEffect, useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./logs.module.css";

export const ALL_CODES = [...LOG_FAULT_CODES, ...FINDING_CODES] as const;
export { FINDING_CODES, LOG_FAULT_CODES };

const CODE_CLASS: Record<string, string> = { CRITICAL: "bad", MAJOR: "bad", MINOR: "warn" };

/** A fault code or finding code, coloured by severity when known. */
export function CodeBadge({ code, severity }: { code: string; severity?: string | null }) {
  return (
    <span className={`badge mono ${severity ? (CODE_CLASS[severity.toUpperCase()] ?? "") : ""}`} title={code}>
      {code}
    </span>
  );
}

/** "Any code" or one of `codes`; `ariaLabel` names it when no <label> wraps it. */
export function CodeSelect({
  codes,
  value,
  onChange,
  ariaLabel,
}: {
  codes: readonly string[];
  value: string;
  onChange: (code: string) => void;
  ariaLabel?: string;
}) {
  return (
    <select aria-label={ariaLabel} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Any code</option>
      {codes.map((code) => (
        <option key={code} value={code}>
          {code}
        </option>
      ))}
    </select>
  );
}

export function formatTime(at: Date | string | null | undefined, withSeconds = false): string {
  if (!at) return "–";
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleString("en-GB", {
    year: "numeric",
    month: "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
  });
}

export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export const RANGES = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "31d", label: "Last 31 days", ms: 31 * 86_400_000 },
  { value: "90d", label: "Last 90 days", ms: 90 * 86_400_000 },
  { value: "365d", label: "Last year", ms: 365 * 86_400_000 },
] as const;

/**
 * A time window from a preset ("24h") or custom bounds (datetime-local values), stable for the
 * life of the page so queries keyed on it do not refetch on every render. `now` moves only when
 * the range changes or `refreshKey` does.
 */
export function useTimeRange(range: string, from: string, to: string, refreshKey = 0) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey re-reads the clock on purpose.
  return useMemo(() => {
    if (range === "custom") {
      const start = from ? new Date(from) : undefined;
      const end = to ? new Date(to) : undefined;
      return {
        from: start && !Number.isNaN(start.getTime()) ? start : undefined,
        to: end && !Number.isNaN(end.getTime()) ? end : undefined,
      };
    }
    const preset = RANGES.find((r) => r.value === range);
    if (!preset) return { from: undefined, to: undefined };
    const now = Date.now();
    return { from: new Date(now - preset.ms), to: new Date(now) };
  }, [range, from, to, refreshKey]);
}

/** A value for a datetime-local input, in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Picks one connection by name: a search box and the (at most 20) matches. */
export function ConnectionPicker({
  value,
  onChange,
  label = "Connection",
}: {
  value: string;
  onChange: (connectionId: string) => void;
  label?: string;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState("");
  const search = useDebounced(q.trim());
  const options = useQuery(
    trpc.logs.connectionOptions.queryOptions(
      { q: search, ...(value ? { ids: [value] } : {}) },
      { placeholderData: (previous) => previous },
    ),
  );
  return (
    <span className={styles.picker}>
      <input
        type="search"
        aria-label={`Find a ${label.toLowerCase()} by name`}
        placeholder="Find connection…"
        value={q}
        onChange={(event) => setQ(event.target.value)}
      />
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{options.isError ? "Could not load connections" : "Any connection"}</option>
        {options.data?.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.provider.toLowerCase()} {c.region})
          </option>
        ))}
      </select>
    </span>
  );
}
