"use client";
// Log search: classified tunnel log lines by time range, code, severity, text and connection.
// Filters live in the URL; the server filters, counts (up to 10,000) and pages.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { DataTable } from "~/components/table.tsx";
import { EmptyState, ErrorState, Loading, PageHeader } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { useTRPC } from "~/trpc/client.tsx";
import styles from "./logs.module.css";
import {
  CodeBadge,
  ConnectionPicker,
  formatTime,
  LOG_FAULT_CODES,
  RANGES,
  toLocalInput,
  useTimeRange,
} from "./shared.tsx";

const PAGE_SIZE = 50;
const SEVERITIES = ["CRITICAL", "MAJOR", "MINOR", "INFO"] as const;
const LOG_RANGES = RANGES.filter((r) => r.ms <= 31 * 86_400_000);

const DEFAULTS = {
  range: "24h",
  from: "",
  to: "",
  code: "",
  severity: "",
  q: "",
  connection: "",
  source: "",
  page: "1",
};

/** The raw line, with the text that decided its code marked. */
function RawLine({ raw, evidence }: { raw: string; evidence: string | null }) {
  const at = evidence ? raw.toLowerCase().indexOf(evidence.toLowerCase()) : -1;
  if (!evidence || at < 0) return <pre className={`mono ${styles.raw}`}>{raw}</pre>;
  return (
    <pre className={`mono ${styles.raw}`}>
      {raw.slice(0, at)}
      <mark className={styles.evidence}>{raw.slice(at, at + evidence.length)}</mark>
      {raw.slice(at + evidence.length)}
    </pre>
  );
}

function LogSearch() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlState(DEFAULTS);
  const [text, setText] = useState(filters.q);
  const [refreshKey, setRefreshKey] = useState(0);
  const { from, to } = useTimeRange(filters.range, filters.from, filters.to, refreshKey);
  const page = Math.max(1, Number.parseInt(filters.page, 10) || 1);
  const input = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(filters.code ? { codes: [filters.code] } : {}),
    ...(filters.severity ? { severities: [filters.severity as (typeof SEVERITIES)[number]] } : {}),
    ...(filters.q ? { text: filters.q } : {}),
    ...(filters.connection ? { connectionId: filters.connection } : {}),
    ...(filters.source ? { source: filters.source as "PROVIDER" | "CUSTOMER_GATEWAY" } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const search = useQuery(trpc.logs.search.queryOptions(input, { placeholderData: keepPreviousData }));

  const submitText = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: text.trim() });
  };
  const hasFilters = Boolean(filters.code || filters.severity || filters.q || filters.connection || filters.source);

  return (
    <>
      <PageHeader
        title="Logs"
        description="Tunnel log lines from providers and customer gateways, classified into fault codes. Searches cover at most 31 days."
      />
      <form className={styles.searchForm} onSubmit={submitText}>
        <label>
          Time range
          <select
            value={filters.range}
            onChange={(event) => {
              const range = event.target.value;
              if (range === "custom") {
                const end = new Date();
                setFilters({
                  range,
                  from: toLocalInput(new Date(end.getTime() - 86_400_000)),
                  to: toLocalInput(end),
                });
              } else setFilters({ range, from: "", to: "" });
            }}
          >
            {LOG_RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {filters.range === "custom" ? (
          <>
            <label>
              From
              <input
                type="datetime-local"
                value={filters.from}
                onChange={(event) => setFilters({ from: event.target.value })}
              />
            </label>
            <label>
              To
              <input
                type="datetime-local"
                value={filters.to}
                onChange={(event) => setFilters({ to: event.target.value })}
              />
            </label>
          </>
        ) : null}
        <label>
          Code
          <select value={filters.code} onChange={(event) => setFilters({ code: event.target.value })}>
            <option value="">Any code</option>
            {LOG_FAULT_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Severity
          <select value={filters.severity} onChange={(event) => setFilters({ severity: event.target.value })}>
            <option value="">Any severity</option>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select value={filters.source} onChange={(event) => setFilters({ source: event.target.value })}>
            <option value="">Any source</option>
            <option value="PROVIDER">Provider</option>
            <option value="CUSTOMER_GATEWAY">Customer gateway</option>
          </select>
        </label>
        <div className={styles.field}>
          <span>Connection</span>
          <ConnectionPicker value={filters.connection} onChange={(connection) => setFilters({ connection })} />
        </div>
        <label>
          Text in the line
          <input
            className={styles.textInput}
            type="search"
            placeholder="e.g. NO_PROPOSAL_CHOSEN or 203.0.113.10"
            value={text}
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit" className="button small">
          Search
        </button>
        <button type="button" className="button small secondary" onClick={() => setRefreshKey((k) => k + 1)}>
          Refresh
        </button>
        {hasFilters ? (
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setText("");
              setFilters({ code: "", severity: "", q: "", connection: "", source: "" });
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>

      {search.isPending ? (
        <Loading label="Searching logs…" />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => search.refetch()} />
      ) : search.data.items.length === 0 ? (
        <EmptyState title="No log lines match">
          {hasFilters
            ? "Widen the time range or clear a filter."
            : "No lines in this time range. Logs arrive once a cloud account with tunnel logging is connected, or a customer gateway pushes syslog."}{" "}
          {!hasFilters ? <Link href="/accounts">Cloud accounts</Link> : null}
        </EmptyState>
      ) : (
        <div className="panel">
          <div className={styles.summary}>
            <span className="muted small">
              {search.data.total.toLocaleString("en")}
              {search.data.totalIsExact ? "" : "+"} lines from {formatTime(search.data.from)} to{" "}
              {formatTime(search.data.to)}
              {search.isFetching ? " · updating…" : ""}
            </span>
          </div>
          <DataTable columns={["Time", "Code", "Connection", "Vendor", "Line"]}>
            {search.data.items.map((line) => (
              <tr key={line.id}>
                <td className={`small ${styles.timeCell}`}>
                  <time dateTime={line.occurredAt.toISOString()}>{formatTime(line.occurredAt, true)}</time>
                </td>
                <td>
                  <CodeBadge code={line.code} severity={line.severity} />
                  {line.phase ? <div className="muted small">phase {line.phase}</div> : null}
                </td>
                <td className="small">
                  {line.connection ? (
                    <Link href={`/connections/${line.connection.id}`}>{line.connection.name}</Link>
                  ) : (
                    <span className="muted">{line.stream}</span>
                  )}
                  {line.tunnel ? <div className="muted">tunnel {line.tunnel.index}</div> : null}
                </td>
                <td className="small">
                  {line.vendor}
                  <div className="muted">{line.source === "PROVIDER" ? "provider" : "gateway"}</div>
                </td>
                <td>
                  <RawLine raw={line.raw} evidence={line.evidence} />
                  {line.parsed && typeof line.parsed === "object" && Object.keys(line.parsed).length > 0 ? (
                    <details className={styles.fields}>
                      <summary>Parsed fields</summary>
                      {line.rule ? (
                        <div className="muted small">
                          Read by rule <code>{line.rule}</code>
                        </div>
                      ) : null}
                      <pre className="mono">{JSON.stringify(line.parsed, null, 2)}</pre>
                    </details>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <div className="pagination">
            <button
              type="button"
              className="button small secondary"
              disabled={page <= 1}
              onClick={() => setFilters({ page: String(page - 1) })}
            >
              Previous
            </button>
            <span className="muted small">
              Page {page}
              {search.data.totalIsExact
                ? ` of ${Math.max(1, Math.ceil(search.data.total / PAGE_SIZE)).toLocaleString("en")}`
                : ""}
            </span>
            <button
              type="button"
              className="button small secondary"
              disabled={!search.data.nextCursor}
              onClick={() => setFilters({ page: String(page + 1) })}
            >
              Next
            </button>
          </div>
        </div>
      )}
    </>
  );
}

export default urlStatePage(LogSearch);
