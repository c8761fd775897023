"use client";
// Incidents: the filterable list (filters in the URL, paged on the server) and mean time to
// recover per fault code and per connection.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import linkTable from "~/components/link-table.module.css";
import { DataTable } from "~/components/table.tsx";
import {
  EmptyState,
  ErrorState,
  formatDuration,
  Loading,
  PageHeader,
  Pagination,
  QueryView,
  SeverityBadge,
  StatusBadge,
  TimeAgo,
} from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { useTRPC } from "~/trpc/client.tsx";
import { ALL_CODES, CodeBadge, CodeSelect, ConnectionPicker, RANGES, useTimeRange } from "../logs/shared.tsx";
import styles from "./incidents.module.css";

const PAGE_SIZE = 50;
const STATUSES = [
  { value: "active", label: "Active (open and acknowledged)" },
  { value: "OPEN", label: "Open" },
  { value: "ACKNOWLEDGED", label: "Acknowledged" },
  { value: "RESOLVED", label: "Resolved" },
  { value: "PENDING", label: "Pending (not yet confirmed)" },
  { value: "all", label: "Any status" },
] as const;
const SEVERITIES = ["CRITICAL", "MAJOR", "MINOR", "INFO"] as const;
const MTTR_RANGES = RANGES.filter((r) => r.ms >= 7 * 86_400_000);

const DEFAULTS = {
  status: "active",
  code: "",
  severity: "",
  kind: "",
  connection: "",
  q: "",
  range: "",
  page: "1",
  mttr: "31d",
};

function MeanTimeToRecover({ range, onRange }: { range: string; onRange: (range: string) => void }) {
  const trpc = useTRPC();
  const { from, to } = useTimeRange(range, "", "");
  const mttr = useQuery(
    trpc.incidents.mttr.queryOptions({ ...(from ? { from } : {}), ...(to ? { to } : {}), limit: 12 }),
  );
  return (
    <section className="panel" aria-labelledby="mttr-heading">
      <div className="page-header">
        <h2 id="mttr-heading">Mean time to recover</h2>
        <label className="small">
          <span className="sr-only">Incidents opened in</span>
          <select className="small" value={range} onChange={(event) => onRange(event.target.value)}>
            {MTTR_RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryView query={mttr} loadingLabel="Computing recovery times…">
        {(data) =>
          data.overall.resolved === 0 ? (
            <EmptyState title="No resolved incidents in this period">
              Recovery times appear once incidents resolve (a tunnel comes back up, or an operator resolves one).
            </EmptyState>
          ) : (
            <>
              <div className={styles.headline}>
                <div>
                  <span className="muted small">Mean</span>
                  <span className="stat">{formatDuration(data.overall.meanSec)}</span>
                </div>
                <div>
                  <span className="muted small">Median</span>
                  <span className="stat">{formatDuration(data.overall.medianSec)}</span>
                </div>
                <div>
                  <span className="muted small">Resolved</span>
                  <span className="stat">{data.overall.resolved.toLocaleString("en")}</span>
                </div>
              </div>
              <div className={styles.charts}>
                <div className={styles.chartBox} role="img" aria-label="Mean time to recover by fault code, in minutes">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart
                      layout="vertical"
                      data={data.byCode.map((c) => ({ ...c, meanMin: Math.round((c.meanSec / 60) * 10) / 10 }))}
                      margin={{ left: 8, right: 16, top: 4, bottom: 4 }}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" unit=" min" fontSize={12} />
                      <YAxis type="category" dataKey="code" width={190} fontSize={11} interval={0} />
                      <Tooltip
                        formatter={(_value, _name, item) => {
                          const row = item.payload as { meanSec: number; resolved: number; medianSec: number };
                          return [
                            `${formatDuration(row.meanSec)} mean · ${formatDuration(row.medianSec)} median · ${row.resolved} resolved`,
                            "Recovery",
                          ];
                        }}
                      />
                      <Bar dataKey="meanMin" fill="#1f6feb" name="Mean time to recover" />
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <div>
                  <h3 className="small muted">Slowest connections to recover</h3>
                  <DataTable columns={["Connection", "Mean", "Resolved"]}>
                    {data.byConnection.slice(0, 8).map((c) => (
                      <tr key={c.connectionId}>
                        <td>
                          <Link href={`/connections/${c.connectionId}`}>{c.connectionName}</Link>
                        </td>
                        <td>{formatDuration(c.meanSec)}</td>
                        <td>{c.resolved}</td>
                      </tr>
                    ))}
                  </DataTable>
                </div>
              </div>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function IncidentList() {
  const trpc = useTRPC();
  const [filters, setFilters] = useUrlState(DEFAULTS);
  const [text, setText] = useState(filters.q);
  const { from } = useTimeRange(filters.range, "", "");
  const page = Math.max(1, Number.parseInt(filters.page, 10) || 1);
  const list = useQuery(
    trpc.incidents.list.queryOptions(
      {
        status: (STATUSES.some((s) => s.value === filters.status) ? filters.status : "active") as "active",
        ...(filters.code ? { code: filters.code } : {}),
        ...(filters.severity ? { severity: filters.severity as (typeof SEVERITIES)[number] } : {}),
        ...(filters.kind ? { kind: filters.kind as "LOG_FAULT" | "FINDING" } : {}),
        ...(filters.connection ? { connectionId: filters.connection } : {}),
        ...(filters.q ? { q: filters.q } : {}),
        ...(from ? { from } : {}),
        page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const hasFilters = Boolean(
    filters.code || filters.severity || filters.kind || filters.connection || filters.q || filters.range,
  );

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Faults from tunnel logs and posture findings, with who acknowledged, what was applied and when they resolved."
      />
      <MeanTimeToRecover range={filters.mttr} onRange={(mttr) => setFilters({ mttr, page: filters.page })} />

      <form
        className="filters"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          setFilters({ q: text.trim() });
        }}
      >
        <select aria-label="Status" value={filters.status} onChange={(e) => setFilters({ status: e.target.value })}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <CodeSelect ariaLabel="Code" codes={ALL_CODES} value={filters.code} onChange={(code) => setFilters({ code })} />
        <select
          aria-label="Severity"
          value={filters.severity}
          onChange={(e) => setFilters({ severity: e.target.value })}
        >
          <option value="">Any severity</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
        <select aria-label="Kind" value={filters.kind} onChange={(e) => setFilters({ kind: e.target.value })}>
          <option value="">Log faults and findings</option>
          <option value="LOG_FAULT">Log faults</option>
          <option value="FINDING">Posture findings</option>
        </select>
        <select aria-label="Opened" value={filters.range} onChange={(e) => setFilters({ range: e.target.value })}>
          <option value="">Opened any time</option>
          {RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              Opened in the {r.label.toLowerCase()}
            </option>
          ))}
        </select>
        <ConnectionPicker value={filters.connection} onChange={(connection) => setFilters({ connection })} />
        <input
          type="search"
          aria-label="Text in the title"
          placeholder="Title contains…"
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button small">
          Filter
        </button>
        {hasFilters ? (
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setText("");
              setFilters({ code: "", severity: "", kind: "", connection: "", q: "", range: "" });
            }}
          >
            Clear filters
          </button>
        ) : null}
      </form>

      {list.isPending ? (
        <Loading label="Loading incidents…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState title={filters.status === "active" && !hasFilters ? "No active incidents" : "No incidents match"}>
          {filters.status === "active" && !hasFilters ? (
            <>
              Every tunnel is quiet. Past incidents are under <Link href="/incidents?status=RESOLVED">resolved</Link>.
            </>
          ) : (
            "Clear a filter or pick another status."
          )}
        </EmptyState>
      ) : (
        <>
          <div className={`${linkTable.table} ${styles.rows}`} aria-busy={list.isFetching}>
            <div className={linkTable.head} aria-hidden="true">
              <span>Severity</span>
              <span>Status</span>
              <span>Code</span>
              <span>Incident</span>
              <span>Connection</span>
              <span>Opened</span>
              <span>Last event</span>
              <span className={styles.right}>Events</span>
            </div>
            {list.data.items.map((incident) => (
              <Link
                key={incident.id}
                href={`/incidents/${incident.id}`}
                className={linkTable.row}
                data-testid="incident-row"
              >
                <span>
                  <SeverityBadge severity={incident.severity} />
                </span>
                <span>
                  <StatusBadge status={incident.status} />
                  {incident.isMaintenance ? <span className="badge">maintenance</span> : null}
                </span>
                <span>
                  <CodeBadge code={incident.code} />
                </span>
                <span className={styles.title}>{incident.title}</span>
                <span>
                  {incident.connection.name}
                  {incident.tunnel ? <span className="muted"> · tunnel {incident.tunnel.index}</span> : null}
                </span>
                <span className="small">
                  <TimeAgo at={incident.openedAt} />
                </span>
                <span className="small">
                  <TimeAgo at={incident.lastEventAt} />
                </span>
                <span className={styles.right}>{incident.eventCount.toLocaleString("en")}</span>
              </Link>
            ))}
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(p) => setFilters({ page: String(p) })}
          />
        </>
      )}
    </>
  );
}

export default urlStatePage(IncidentList);
