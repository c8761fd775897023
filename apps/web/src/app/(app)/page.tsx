"use client";
// Fleet overview: tunnels up and down now, grades, open incidents by code, what the provider's
// next maintenance would break, the week's uptime (one query, fleet.overview, refreshed every
// minute), the week's customer gateway outages (fleet.gatewayOutages) and configuration changes
// (paged, fleet.configChanges).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { GradeChart } from "~/components/charts/grade-chart.tsx";
import { IncidentsByCodeChart } from "~/components/charts/incidents-by-code-chart.tsx";
import { UptimeChart } from "~/components/charts/uptime-chart.tsx";
import { EmptyState, formatDuration, GradeBadge, PageHeader, QueryView, TimeAgo } from "~/components/ui.tsx";
import { type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import { ConfigChangePage } from "./connections/config-change-table.tsx";
import { CriticalityBadge, formatTime, PROVIDER_LABEL } from "./connections/shared.tsx";
import styles from "./fleet.module.css";

type Overview = RouterOutputs["fleet"]["overview"];

const REFRESH_MS = 60_000;

function Tile({
  label,
  value,
  testId,
  tone,
  note,
  href,
}: {
  label: string;
  value: number;
  testId?: string;
  tone?: "good" | "bad" | "warn";
  note?: string;
  href?: string;
}) {
  const body = (
    <>
      <span className={styles.tileLabel}>{label}</span>
      <span className={`stat ${tone ? styles[tone] : ""}`} data-testid={testId} data-value={value}>
        {value.toLocaleString("en")}
      </span>
      {note ? <span className={styles.tileNote}>{note}</span> : null}
    </>
  );
  return href ? (
    <Link href={href} className={styles.tile}>
      {body}
    </Link>
  ) : (
    <div className={styles.tile}>{body}</div>
  );
}

function NoConnections({ data }: { data: Overview }) {
  if (data.accounts.total === 0) {
    return (
      <EmptyState title="No connections yet">
        Tunnelwatch finds your VPN connections through your cloud accounts.{" "}
        <Link href="/accounts">Add a cloud account</Link> (AWS, Alibaba Cloud or MuleSoft Anypoint) and its connections
        and tunnels appear here after the first status poll.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No connections found yet">
      {data.accounts.pending > 0
        ? "Your cloud accounts are being synced for the first time: connections appear here within a minute or two."
        : "Your cloud accounts report no VPN connections."}{" "}
      {data.accounts.syncProblems > 0 ? (
        <>
          {data.accounts.syncProblems} account{data.accounts.syncProblems === 1 ? "" : "s"} cannot sync:{" "}
          <Link href="/accounts">see the last error</Link>.
        </>
      ) : (
        <Link href="/accounts">Check your cloud accounts</Link>
      )}
    </EmptyState>
  );
}

function Tiles({ data }: { data: Overview }) {
  const { tunnels, connections, incidents, accounts } = data;
  return (
    <div className={styles.tiles}>
      <Tile
        label="Tunnels up"
        value={tunnels.up}
        testId="tunnels-up"
        tone="good"
        note={`of ${tunnels.total.toLocaleString("en")} tunnels`}
      />
      <Tile
        label="Tunnels down"
        value={tunnels.down}
        testId="tunnels-down"
        tone={tunnels.down > 0 ? "bad" : undefined}
        note={tunnels.unknown > 0 ? `${tunnels.unknown.toLocaleString("en")} unknown` : "now"}
        href="/connections?status=ANY_DOWN"
      />
      <Tile
        label="Without redundancy"
        value={connections.degraded}
        testId="connections-degraded"
        tone={connections.degraded > 0 ? "warn" : undefined}
        note={
          connections.outage > 0
            ? `${connections.outage.toLocaleString("en")} with no tunnel up`
            : `of ${connections.total.toLocaleString("en")} connections`
        }
        href="/connections?status=ANY_DOWN"
      />
      <Tile
        label="Open incidents"
        value={incidents.open + incidents.acknowledged}
        testId="incidents-open"
        tone={incidents.open > 0 ? "bad" : undefined}
        note={`${incidents.acknowledged.toLocaleString("en")} acknowledged`}
        href="/incidents"
      />
      <Tile
        label="Accounts with sync problems"
        value={accounts.syncProblems}
        testId="accounts-sync-problems"
        tone={accounts.syncProblems > 0 ? "bad" : undefined}
        note={`of ${accounts.total.toLocaleString("en")} accounts${accounts.paused > 0 ? `, ${accounts.paused} paused` : ""}`}
        href="/accounts"
      />
    </div>
  );
}

function MaintenanceRisk({ rows }: { rows: Overview["maintenanceRisk"] }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="Nothing at risk">
        No graded connection would lose traffic during the providers' next maintenance.
      </EmptyState>
    );
  }
  return (
    <div style={{ overflowX: "auto" }}>
      <table className={`table ${styles.riskTable}`} data-testid="maintenance-risk">
        <thead>
          <tr>
            <th>#</th>
            <th>Connection</th>
            <th>Provider</th>
            <th>Grade</th>
            <th>Criticality</th>
            <th>Expected downtime</th>
            <th>Announced</th>
            <th>Why</th>
            <th title="Expected downtime × likelihood × criticality weight">Risk</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.connectionId}>
              <td className="muted">{i + 1}</td>
              <td>
                <Link href={`/connections/${row.connectionId}`}>{row.name}</Link>
                <div className="muted mono">{row.externalId}</div>
              </td>
              <td>
                {PROVIDER_LABEL[row.provider] ?? row.provider}
                <div className="muted small">{row.region}</div>
              </td>
              <td>
                <GradeBadge grade={row.grade} />
              </td>
              <td>
                <CriticalityBadge criticality={row.criticality} />
              </td>
              <td>{formatDuration(row.expectedDowntimeSec)}</td>
              <td>
                {row.announcedAt ? (
                  <>
                    <span title={row.maintenanceTitle ?? undefined}>
                      {new Date(row.announcedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}
                    </span>
                    {row.maintenanceTitle ? <div className="muted small">{row.maintenanceTitle}</div> : null}
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
              <td className={`small ${styles.reason}`}>{row.reason}</td>
              <td className="mono">{Math.round(row.score).toLocaleString("en")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Customer gateways that several down connections end on: one on-prem device failing shows here once. */
function CustomerGateways({ rows }: { rows: Overview["customerGateways"] }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No shared outage">
        No customer gateway has two or more of its connections down at once.
      </EmptyState>
    );
  }
  return (
    <div style={{ overflowX: "auto" }}>
      <table className={`table ${styles.riskTable}`} data-testid="customer-gateways">
        <thead>
          <tr>
            <th>Customer gateway</th>
            <th>Connections down</th>
            <th>Where</th>
            <th>Look first at</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.customerGatewayIp}>
              <td className="mono">
                <Link
                  href={`/connections?gateway=${encodeURIComponent(row.customerGatewayIp)}&status=OUTAGE`}
                  title="The connections of this gateway with no tunnel up"
                >
                  {row.customerGatewayIp}
                </Link>
              </td>
              <td>
                <span className="stat">{row.down}</span> <span className="muted">of {row.connections}</span>
              </td>
              <td>
                {row.providers.map((p) => PROVIDER_LABEL[p.toUpperCase()] ?? p).join(", ")}
                <div className="muted small">{row.regions.join(", ")}</div>
              </td>
              <td>
                {row.likelyCause === "customer-gateway" ? (
                  <span className="badge bad">the gateway</span>
                ) : (
                  <span className="badge warn">each connection</span>
                )}
              </td>
              <td className={`small ${styles.reason}`}>{row.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each customer gateway outage of the week, from its down alert to its recovery. */
function GatewayOutages() {
  const trpc = useTRPC();
  const outages = useQuery({ ...trpc.fleet.gatewayOutages.queryOptions({ days: 7 }), refetchInterval: REFRESH_MS });
  return (
    <QueryView query={outages} loadingLabel="Loading customer gateway outages…">
      {(rows) => <GatewayOutageTable rows={rows} />}
    </QueryView>
  );
}

function GatewayOutageTable({ rows }: { rows: RouterOutputs["fleet"]["gatewayOutages"] }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No customer gateway outage this week">
        No customer gateway looked down (several of its connections down at once) in the last 7 days.
      </EmptyState>
    );
  }
  return (
    <div style={{ overflowX: "auto" }}>
      <table className={`table ${styles.riskTable}`} data-testid="gateway-outages">
        <thead>
          <tr>
            <th>Customer gateway</th>
            <th>Down</th>
            <th>Back</th>
            <th>For</th>
            <th>Connections down</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((outage) => (
            <tr key={`${outage.customerGatewayIp}-${outage.downAt.toISOString()}`}>
              <td className="mono">
                <Link href={`/connections?gateway=${encodeURIComponent(outage.customerGatewayIp)}`}>
                  {outage.customerGatewayIp}
                </Link>
              </td>
              <td>{formatTime(outage.downAt)}</td>
              <td>
                {outage.recoveredAt ? formatTime(outage.recoveredAt) : <span className="badge bad">still down</span>}
              </td>
              <td>{formatDuration(outage.durationSec)}</td>
              <td>
                {outage.connectionsDown === null ? "–" : `${outage.connectionsDown} of ${outage.connections ?? "?"}`}
                {outage.stillDownAtRecovery ? (
                  <div className="muted small">{outage.stillDownAtRecovery} still down when it came back</div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const CHANGES_PAGE_SIZE = 10;

/** Settings somebody changed at the provider this week, across the fleet. */
function ConfigChanges() {
  const trpc = useTRPC();
  const [page, setPage] = useState(1);
  const changes = useQuery({
    ...trpc.fleet.configChanges.queryOptions({ page, pageSize: CHANGES_PAGE_SIZE, days: 7 }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  return (
    <ConfigChangePage
      query={changes}
      showConnection
      onPage={setPage}
      empty={
        <EmptyState title="No configuration change this week">
          Nobody changed a tunnel option, the routing or the customer gateway of a connection at the provider in the
          last 7 days.
        </EmptyState>
      }
    />
  );
}

function FleetOverview({ data }: { data: Overview }) {
  const router = useRouter();
  return (
    <>
      <Tiles data={data} />
      <div className={styles.charts}>
        <section className="panel" aria-labelledby="grades-heading">
          <h2 id="grades-heading">Connections by HA grade</h2>
          <GradeChart
            data={data.connections.byGrade}
            onSelect={(grade) => router.push(`/connections?grade=${encodeURIComponent(grade)}`)}
          />
        </section>
        <section className="panel" aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">Open incidents by code</h2>
          {data.incidents.byCode.length === 0 ? (
            <EmptyState title="No open incidents">Every fault seen so far has recovered.</EmptyState>
          ) : (
            <IncidentsByCodeChart
              data={data.incidents.byCode}
              onSelect={(code) => router.push(`/incidents?code=${encodeURIComponent(code)}`)}
            />
          )}
        </section>
      </div>
      <section className="panel" aria-labelledby="gateways-heading">
        <h2 id="gateways-heading">Customer gateways down on several connections</h2>
        <p className="muted small">
          One on-prem gateway usually ends connections in several accounts, regions and providers: when several of them
          are down at once, the gateway is the likely cause, not the cloud.
        </p>
        <CustomerGateways rows={data.customerGateways} />
      </section>
      <section className="panel" aria-labelledby="gateway-outages-heading">
        <h2 id="gateway-outages-heading">Customer gateway outages, last 7 days</h2>
        <p className="muted small">
          From the moment a gateway looked down (its alert) to the moment it no longer did, whatever the alert rules.
        </p>
        <GatewayOutages />
      </section>
      <section className="panel" aria-labelledby="uptime-heading">
        <h2 id="uptime-heading">Uptime, last 7 days</h2>
        {data.uptime.some((p) => p.uptimePct !== null) ? (
          <UptimeChart data={data.uptime} />
        ) : (
          <EmptyState title="No status samples yet">The chart fills in hour by hour as tunnels are polled.</EmptyState>
        )}
      </section>
      <section className="panel" aria-labelledby="risk-heading">
        <h2 id="risk-heading">Maintenance risk: top 10</h2>
        <p className="muted small">
          What the providers' next maintenance would cost: expected downtime by grade, weighted by how likely
          maintenance is soon (announced events, the provider's habits) and by the connection's criticality.{" "}
          <Link href="/maintenance">All announced maintenance</Link>
        </p>
        <MaintenanceRisk rows={data.maintenanceRisk} />
      </section>
      <section className="panel" aria-labelledby="changes-heading">
        <h2 id="changes-heading">Configuration changes, last 7 days</h2>
        <p className="muted small">
          Settings changed at the provider since the poll before, with the grade before and after; endpoints the
          provider replaced during maintenance are on each connection's page.
        </p>
        <ConfigChanges />
      </section>
    </>
  );
}

export default function FleetPage() {
  const trpc = useTRPC();
  const overview = useQuery({ ...trpc.fleet.overview.queryOptions(), refetchInterval: REFRESH_MS });
  return (
    <>
      <PageHeader
        title="Fleet overview"
        description={
          overview.data ? (
            <span className={styles.updated}>
              Updated <TimeAgo at={overview.data.generatedAt} />
            </span>
          ) : undefined
        }
      />
      <QueryView query={overview} loadingLabel="Loading the fleet…">
        {(data) => (data.connections.total === 0 ? <NoConnections data={data} /> : <FleetOverview data={data} />)}
      </QueryView>
    </>
  );
}
