"use client";
// Maintenance: the providers' announced events and the connections they touch, the fleet ranked
// by maintenance risk, and "what breaks if the provider patches now".
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { DataTable } from "~/components/table.tsx";
import {
  EmptyState,
  ErrorState,
  formatDuration,
  GradeBadge,
  Loading,
  PageHeader,
  Pagination,
  QueryView,
  TimeAgo,
} from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { useTRPC } from "~/trpc/client.tsx";
import { formatTime } from "../logs/shared.tsx";
import styles from "./maintenance.module.css";

const PROVIDERS = [
  { value: "AWS", label: "AWS" },
  { value: "ALIBABA", label: "Alibaba Cloud" },
  { value: "MULESOFT", label: "MuleSoft" },
] as const;
type ProviderValue = (typeof PROVIDERS)[number]["value"];
const providerLabel = (p: string) => PROVIDERS.find((x) => x.value === p)?.label ?? p;
const isProvider = (p: string): p is ProviderValue => PROVIDERS.some((x) => x.value === p);

const EVENT_STATUSES = [
  { value: "active", label: "Upcoming and in progress" },
  { value: "UPCOMING", label: "Upcoming" },
  { value: "IN_PROGRESS", label: "In progress" },
  { value: "COMPLETED", label: "Completed" },
  { value: "CANCELLED", label: "Cancelled" },
  { value: "all", label: "All events" },
] as const;

const PHASE_CLASS: Record<string, string> = {
  announced: "warn",
  scheduled: "warn",
  "in progress": "bad",
  completed: "ok",
  cancelled: "",
};

const PAGE_SIZE = 25;

const DEFAULTS = {
  evStatus: "active",
  evProvider: "",
  evPage: "1",
  riskProvider: "",
  riskPage: "1",
  wiProvider: "",
  wiRegion: "",
};

type Filters = typeof DEFAULTS;
type SetFilters = (changes: Partial<Filters>) => void;

function pageOf(value: string) {
  return Math.max(1, Number.parseInt(value, 10) || 1);
}

/** "Every provider" or one of them. */
function ProviderFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (provider: string) => void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Every provider</option>
      {PROVIDERS.map((p) => (
        <option key={p.value} value={p.value}>
          {p.label}
        </option>
      ))}
    </select>
  );
}

function Events({ filters, setFilters }: { filters: Filters; setFilters: SetFilters }) {
  const trpc = useTRPC();
  const page = pageOf(filters.evPage);
  const events = useQuery(
    trpc.maintenance.events.queryOptions(
      {
        status: (EVENT_STATUSES.some((s) => s.value === filters.evStatus) ? filters.evStatus : "active") as "active",
        ...(isProvider(filters.evProvider) ? { provider: filters.evProvider } : {}),
        page,
        pageSize: PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <section className="panel" aria-labelledby="events-heading">
      <div className={styles.sectionHead}>
        <h2 id="events-heading">Announced maintenance</h2>
        <div className={styles.controls}>
          <select
            aria-label="Event status"
            value={filters.evStatus}
            onChange={(e) => setFilters({ evStatus: e.target.value, evPage: "1" })}
          >
            {EVENT_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <ProviderFilter
            label="Event provider"
            value={filters.evProvider}
            onChange={(evProvider) => setFilters({ evProvider, evPage: "1" })}
          />
        </div>
      </div>
      {events.isPending ? (
        <Loading label="Loading maintenance events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="No maintenance announced">
          {filters.evStatus === "active"
            ? "Providers have announced nothing upcoming for your connections. MuleSoft publishes no windows: see the ranking below for what is at risk anyway."
            : "No events match these filters."}
        </EmptyState>
      ) : (
        <>
          <DataTable columns={["Phase", "Provider", "Event", "Affects", "Starts", "Applied automatically after"]}>
            {events.data.items.map((event) => (
              <tr key={event.id}>
                <td>
                  <span className={`badge ${PHASE_CLASS[event.phase] ?? ""}`}>{event.phase}</span>
                </td>
                <td className="small">
                  {providerLabel(event.provider)}
                  {event.region ? <div className="muted">{event.region}</div> : null}
                </td>
                <td>
                  <strong className="small">{event.title}</strong>
                  {event.description ? (
                    <div className="muted small" title={event.description}>
                      {event.description.length > 160 ? `${event.description.slice(0, 160)}…` : event.description}
                    </div>
                  ) : null}
                  <div className="muted small mono">{event.source.toLowerCase().replaceAll("_", " ")}</div>
                </td>
                <td className="small">
                  {event.connection ? (
                    <>
                      <Link href={`/connections/${event.connection.id}`}>{event.connection.name}</Link>
                      {event.tunnelIndex ? <span className="muted"> · tunnel {event.tunnelIndex}</span> : null}
                      <div>
                        <GradeBadge grade={event.connection.grade} />{" "}
                        <span className="muted">
                          expected downtime {formatDuration(event.connection.expectedDowntimeSec)}
                        </span>
                      </div>
                    </>
                  ) : (
                    <>
                      {event.affectedConnections.toLocaleString("en")} connection
                      {event.affectedConnections === 1 ? "" : "s"}
                      <div className="muted">
                        every {providerLabel(event.provider)} connection
                        {event.region ? ` in ${event.region}` : ""}
                        {event.cloudAccount ? ` of ${event.cloudAccount.name}` : ""}
                      </div>
                    </>
                  )}
                </td>
                <td className={`small ${styles.nowrap}`}>
                  {event.startsAt ? (
                    <>
                      {formatTime(event.startsAt)}
                      <div className="muted">
                        <TimeAgo at={event.startsAt} />
                      </div>
                    </>
                  ) : (
                    <span className="muted">not given</span>
                  )}
                </td>
                <td className={`small ${styles.nowrap}`}>
                  {event.autoAppliedAfter ? formatTime(event.autoAppliedAfter) : <span className="muted">–</span>}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination
            page={events.data.page}
            pageSize={events.data.pageSize}
            total={events.data.total}
            onPage={(p) => setFilters({ evPage: String(p) })}
          />
        </>
      )}
    </section>
  );
}

function AtRisk({ filters, setFilters }: { filters: Filters; setFilters: SetFilters }) {
  const trpc = useTRPC();
  const page = pageOf(filters.riskPage);
  const ranking = useQuery(
    trpc.maintenance.atRisk.queryOptions(
      { ...(isProvider(filters.riskProvider) ? { provider: filters.riskProvider } : {}), page, pageSize: PAGE_SIZE },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <section className="panel" aria-labelledby="risk-heading">
      <div className={styles.sectionHead}>
        <div>
          <h2 id="risk-heading">Connections at risk</h2>
          <p className="muted small">
            Expected downtime at the provider's next maintenance × how likely maintenance is soon × how critical the
            connection is.
          </p>
        </div>
        <ProviderFilter
          label="Ranking provider"
          value={filters.riskProvider}
          onChange={(riskProvider) => setFilters({ riskProvider, riskPage: "1" })}
        />
      </div>
      {ranking.isPending ? (
        <Loading label="Ranking connections…" />
      ) : ranking.isError ? (
        <ErrorState error={ranking.error} onRetry={() => ranking.refetch()} />
      ) : ranking.data.items.length === 0 ? (
        <EmptyState title="No graded connections yet">
          Connections get a grade and an expected downtime after their first status sync.{" "}
          <Link href="/accounts">Add or check a cloud account</Link>.
        </EmptyState>
      ) : (
        <>
          <DataTable
            columns={["#", "Connection", "Grade", "Criticality", "Expected downtime", "Likelihood", "Score", "Why"]}
          >
            {ranking.data.items.map((row) => (
              <tr key={row.id}>
                <td className="muted">{row.rank}</td>
                <td>
                  <Link href={`/connections/${row.id}`}>{row.name}</Link>
                  <div className="muted small">
                    {providerLabel(row.provider)} · {row.region} · {row.tunnelsUp}/{row.tunnelsTotal} tunnels up
                  </div>
                </td>
                <td>
                  <GradeBadge grade={row.grade} />
                </td>
                <td className="small">{row.criticality.toLowerCase()}</td>
                <td>{formatDuration(row.expectedDowntimeSec)}</td>
                <td>{Math.round(row.likelihood * 100)}%</td>
                <td className="mono">{row.score.toLocaleString("en")}</td>
                <td className={`small ${styles.reason}`}>
                  {row.reason}
                  {row.announcedMaintenanceAt ? (
                    <div className="muted">
                      {row.announcedFor === "region" ? "region-wide, " : ""}
                      {formatTime(row.announcedMaintenanceAt)}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <Pagination
            page={ranking.data.page}
            pageSize={ranking.data.pageSize}
            total={ranking.data.total}
            onPage={(p) => setFilters({ riskPage: String(p) })}
          />
        </>
      )}
    </section>
  );
}

function WhatIf({ filters, setFilters }: { filters: Filters; setFilters: SetFilters }) {
  const trpc = useTRPC();
  const scopes = useQuery(trpc.maintenance.scopes.queryOptions());
  const providers = [...new Set(scopes.data?.map((s) => s.provider) ?? [])];
  const provider = isProvider(filters.wiProvider) ? filters.wiProvider : providers[0];
  const regions = scopes.data?.filter((s) => s.provider === provider) ?? [];
  const region = regions.some((r) => r.region === filters.wiRegion) ? filters.wiRegion : "";
  const whatIf = useQuery({
    ...trpc.maintenance.whatIf.queryOptions({ provider: provider ?? "AWS", ...(region ? { region } : {}) }),
    enabled: Boolean(provider),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="panel" aria-labelledby="whatif-heading">
      <div className={styles.sectionHead}>
        <div>
          <h2 id="whatif-heading">What breaks if the provider patches now</h2>
          <p className="muted small">
            Providers replace endpoints one tunnel at a time; how long each connection is down depends on its grade.
          </p>
        </div>
        {providers.length ? (
          <div className={styles.controls}>
            <select
              aria-label="Provider that patches"
              value={provider ?? ""}
              onChange={(e) => setFilters({ wiProvider: e.target.value, wiRegion: "" })}
            >
              {providers.map((p) => (
                <option key={p} value={p}>
                  {providerLabel(p)}
                </option>
              ))}
            </select>
            <select
              aria-label="Region that patches"
              value={region}
              onChange={(e) => setFilters({ wiRegion: e.target.value })}
            >
              <option value="">Every region</option>
              {regions.map((r) => (
                <option key={r.region} value={r.region}>
                  {r.region} ({r.connections})
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {scopes.isPending ? (
        <Loading />
      ) : scopes.isError ? (
        <ErrorState error={scopes.error} onRetry={() => scopes.refetch()} />
      ) : !provider ? (
        <EmptyState title="No connections yet">
          <Link href="/accounts">Add a cloud account</Link> to see what a provider's maintenance would break.
        </EmptyState>
      ) : (
        <QueryView query={whatIf} loadingLabel="Counting…">
          {(data) => (
            <>
              <div className={styles.totals}>
                <div className={`${styles.total} ${data.totals.losingConnectivity ? styles.totalBad : ""}`}>
                  <span className="muted small">Lose connectivity</span>
                  <span className="stat">{data.totals.losingConnectivity.toLocaleString("en")}</span>
                  <span className="muted small">
                    down {formatDuration(data.lossThresholdSec)} or more, up to{" "}
                    {formatDuration(data.totals.longestDowntimeSec)}
                  </span>
                </div>
                <div className={styles.total}>
                  <span className="muted small">Brief failover</span>
                  <span className="stat">{data.totals.briefFailover.toLocaleString("en")}</span>
                  <span className="muted small">seconds, then back on the other tunnel</span>
                </div>
                <div className={`${styles.total} ${data.totals.alreadyDown ? styles.totalBad : ""}`}>
                  <span className="muted small">Already down</span>
                  <span className="stat">{data.totals.alreadyDown.toLocaleString("en")}</span>
                  <span className="muted small">no tunnel up now (grade F)</span>
                </div>
                <div className={styles.total}>
                  <span className="muted small">Connections in scope</span>
                  <span className="stat">{data.totals.connections.toLocaleString("en")}</span>
                  <span className="muted small">
                    {data.totals.critical.toLocaleString("en")} high or critical ·{" "}
                    {formatDuration(data.totals.connectionDowntimeSec)} downtime in all
                  </span>
                </div>
              </div>
              {data.totals.connections === 0 ? (
                <EmptyState title="No connections in this scope" />
              ) : (
                <div className={styles.whatIfBody}>
                  <div
                    className={styles.chartBox}
                    role="img"
                    aria-label="Connections by grade: losing connectivity, brief failover, already down"
                  >
                    <ResponsiveContainer width="100%" height="100%">
                      <BarChart
                        data={data.byGrade.map((g) => ({
                          grade: g.grade ?? "ungraded",
                          "Lose connectivity": g.losingConnectivity,
                          "Brief failover": g.briefFailover,
                          "Already down": g.alreadyDown,
                          maxDowntimeSec: g.maxDowntimeSec,
                        }))}
                        margin={{ left: 0, right: 8, top: 8, bottom: 0 }}
                      >
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="grade" fontSize={12} />
                        <YAxis allowDecimals={false} fontSize={12} />
                        <Tooltip />
                        <Legend wrapperStyle={{ fontSize: 12 }} />
                        <Bar dataKey="Lose connectivity" stackId="a" fill="#c62828" />
                        <Bar dataKey="Brief failover" stackId="a" fill="#1b873f" />
                        <Bar dataKey="Already down" stackId="a" fill="#5d6b7a" />
                      </BarChart>
                    </ResponsiveContainer>
                  </div>
                  <div>
                    <DataTable columns={["Grade", "Connections", "Down for"]}>
                      {data.byGrade.map((g) => (
                        <tr key={g.grade ?? "none"}>
                          <td>{g.grade ? <GradeBadge grade={g.grade} /> : <span className="muted">ungraded</span>}</td>
                          <td>{g.connections.toLocaleString("en")}</td>
                          <td className="small">
                            {g.grade === "F"
                              ? "already down"
                              : g.grade
                                ? `up to ${formatDuration(g.maxDowntimeSec)} each`
                                : "unknown until the first sync"}
                          </td>
                        </tr>
                      ))}
                    </DataTable>
                  </div>
                </div>
              )}
              {data.worst.length ? (
                <>
                  <h3 className="small muted">Longest outages</h3>
                  <DataTable columns={["Connection", "Grade", "Criticality", "Down for"]}>
                    {data.worst.map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Link href={`/connections/${c.id}`}>{c.name}</Link>
                          <div className="muted small">
                            {c.region} · {c.tunnelsUp}/{c.tunnelsTotal} tunnels up
                          </div>
                        </td>
                        <td>
                          <GradeBadge grade={c.grade} />
                        </td>
                        <td className="small">{c.criticality.toLowerCase()}</td>
                        <td>{formatDuration(c.expectedDowntimeSec)}</td>
                      </tr>
                    ))}
                  </DataTable>
                </>
              ) : null}
            </>
          )}
        </QueryView>
      )}
    </section>
  );
}

function Maintenance() {
  const [filters, setFilters] = useUrlState(DEFAULTS);
  return (
    <>
      <PageHeader
        title="Maintenance"
        description="Announced provider maintenance, the connections most at risk when it happens, and what would break if a provider patched now."
      />
      <Events filters={filters} setFilters={setFilters} />
      <AtRisk filters={filters} setFilters={setFilters} />
      <WhatIf filters={filters} setFilters={setFilters} />
    </>
  );
}

export default urlStatePage(Maintenance);
