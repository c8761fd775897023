"use client";
// One connection: its tunnels, a status timeline per tunnel, the HA posture with the playbook of
// each finding, what the tenant says of its customer gateway, every tunnel option against the
// provider's recommendation and the changes made to them, incidents, announced maintenance and
// the latest log lines. The timeline range, the log filters and the change filter live in the URL.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  LOG_FAULT_CODES,
  numberRanges,
  PLAYBOOK_VARIANT_LABELS,
  type PlaybookVariant,
} from "@tunnelwatch/core/browser";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useMemo, useState } from "react";
import { StatusTimelineChart } from "~/components/charts/status-timeline-chart.tsx";
import detailHeader from "~/components/detail-header.module.css";
import { DataTable } from "~/components/table.tsx";
import {
  EmptyState,
  ErrorState,
  formatDuration,
  GradeBadge,
  Loading,
  Pagination,
  QueryView,
  SeverityBadge,
  StatusBadge,
  TimeAgo,
} from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { errorMessage, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import { CodeSelect } from "../../logs/shared.tsx";
import { CheckMark, CriticalityBadge, formatTime, PROVIDER_LABEL, TunnelsBadge } from "../shared.tsx";
import { ConfigChangesPanel } from "./config-changes.tsx";
import styles from "./connection.module.css";
import { CustomerGatewayPanel } from "./customer-gateway.tsx";
import { GatewayConfigPanel } from "./gateway-config.tsx";

type Detail = RouterOutputs["connections"]["detail"];
type Playbook = Detail["playbooks"][string];

const DEFAULTS = {
  range: "24h",
  logCode: "",
  logTunnel: "",
  logPage: "1",
  changes: "all",
  changePage: "1",
  gatewayVendor: "",
  gatewayUnit: "",
};
const RANGES = [
  { value: "6h", label: "6 hours", ms: 6 * 3_600_000 },
  { value: "24h", label: "24 hours", ms: 86_400_000 },
  { value: "7d", label: "7 days", ms: 7 * 86_400_000 },
  { value: "31d", label: "31 days", ms: 31 * 86_400_000 },
] as const;
const LOG_PAGE_SIZE = 25;
const CRITICALITIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;

const yesNo = (value: boolean | null) => (value === null ? "–" : value ? "on" : "off");

// --- Header ---------------------------------------------------------------------------------

function CriticalityControl({ detail }: { detail: Detail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.tenants.current.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.connections.setCriticality.mutationOptions({
      onSuccess: async () => {
        setError(null);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.fleet.pathKey() }),
        ]);
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const canEdit = current.data?.role === "ADMIN" || current.data?.role === "OWNER";
  if (!canEdit) return <CriticalityBadge criticality={detail.connection.criticality} />;
  return (
    <label className="small">
      Criticality{" "}
      <select
        aria-label="Criticality"
        value={mutation.isPending ? (mutation.variables?.criticality ?? "") : detail.connection.criticality}
        disabled={mutation.isPending}
        onChange={(event) =>
          mutation.mutate({
            connectionId: detail.connection.id,
            criticality: event.target.value as (typeof CRITICALITIES)[number],
          })
        }
      >
        {CRITICALITIES.map((c) => (
          <option key={c} value={c}>
            {c.toLowerCase()}
          </option>
        ))}
      </select>
      {error ? <span className="error small"> {error}</span> : null}
    </label>
  );
}

function Header({ detail }: { detail: Detail }) {
  const { connection: c, account } = detail;
  const tags = Object.entries(c.tags);
  return (
    <>
      <p className="small">
        <Link href="/connections">← Connections</Link>
      </p>
      <div className={detailHeader.header}>
        <div>
          <h1>{c.name}</h1>
          <div className={detailHeader.badges}>
            <span className="badge mono">{c.externalId}</span>
            <span className="badge">{PROVIDER_LABEL[c.provider] ?? c.provider}</span>
            <span className="badge">{c.region}</span>
            <span className="badge">{c.routing === "BGP" ? "BGP" : "static routing"}</span>
            <GradeBadge grade={detail.posture.grade} />
            <TunnelsBadge up={c.tunnelsUp} total={c.tunnelsTotal} />
            {detail.openIncidents.length > 0 ? (
              <span className="badge bad">
                {detail.openIncidents.length} open incident{detail.openIncidents.length === 1 ? "" : "s"}
              </span>
            ) : null}
          </div>
        </div>
        <CriticalityControl detail={detail} />
      </div>
      {c.deletedAt ? (
        <div className="notice error">
          The provider no longer reports this connection (gone since {formatTime(c.deletedAt)}). Its history is kept.
        </div>
      ) : null}
      {account.syncState === "FAILING" ? (
        <div className="notice error">
          The cloud account <Link href="/accounts">{account.name}</Link> cannot sync, so this page may be out of date
          {account.lastError ? `: ${account.lastError}` : "."}
        </div>
      ) : null}
      {detail.customerGatewayShare?.assessment?.likelyCause === "customer-gateway" && c.tunnelsUp < c.tunnelsTotal ? (
        <div className="notice error" data-testid="customer-gateway-outage">
          Its customer gateway looks down. {detail.customerGatewayShare.assessment.summary}{" "}
          <Link
            href={`/connections?gateway=${encodeURIComponent(detail.customerGatewayShare.customerGatewayIp)}&status=OUTAGE`}
          >
            Its connections with no tunnel up
          </Link>
        </div>
      ) : null}
      <section className="panel">
        <dl className={styles.facts}>
          <div>
            <dt>Cloud account</dt>
            <dd>{account.name}</dd>
          </div>
          <div>
            <dt>State</dt>
            <dd>{c.state}</dd>
          </div>
          <div>
            <dt>Customer gateway</dt>
            <dd className="mono">
              {c.customerGatewayIp ?? "–"}
              {c.customerGatewayId ? ` (${c.customerGatewayId})` : ""}
              {detail.customerGatewayShare && detail.customerGatewayShare.connections > 1 ? (
                <div className="small">
                  <Link
                    href={`/connections?gateway=${encodeURIComponent(detail.customerGatewayShare.customerGatewayIp)}`}
                  >
                    {detail.customerGatewayShare.connections} connections end on it
                  </Link>
                  {detail.customerGatewayShare.down > 0
                    ? `, ${detail.customerGatewayShare.down} with no tunnel up`
                    : ""}
                </div>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>Gateway</dt>
            <dd className="mono">{c.gatewayId ?? "–"}</dd>
          </div>
          <div>
            <dt>ASN (cloud / customer)</dt>
            <dd>
              {c.localAsn ?? "–"} / {c.remoteAsn ?? "–"}
            </dd>
          </div>
          <div>
            <dt>Maintenance downtime</dt>
            <dd>{formatDuration(detail.posture.expectedDowntimeSec)}</dd>
          </div>
          <div>
            <dt>Last seen</dt>
            <dd>
              <TimeAgo at={c.lastSeenAt} />
            </dd>
          </div>
          <div>
            <dt>Tags</dt>
            <dd>
              {tags.length === 0
                ? "–"
                : tags.map(([key, value]) => (
                    <Link
                      key={key}
                      href={`/connections?tag=${encodeURIComponent(`${key}=${value}`)}`}
                      className="badge mono"
                      style={{ marginRight: 4 }}
                    >
                      {key}={value}
                    </Link>
                  ))}
            </dd>
          </div>
        </dl>
      </section>
    </>
  );
}

// --- Tunnels --------------------------------------------------------------------------------

function TunnelsTable({ detail }: { detail: Detail }) {
  if (detail.tunnels.length === 0) {
    return <EmptyState title="No tunnels">The provider reports no tunnel for this connection yet.</EmptyState>;
  }
  return (
    <div className={styles.tableWrap}>
      <table className="table" data-testid="tunnels-table">
        <thead>
          <tr>
            <th>Tunnel</th>
            <th>Status</th>
            <th>Since</th>
            <th>Outside IP</th>
            <th>Inside CIDR</th>
            <th>Routes</th>
            <th>IKE</th>
            <th>Lifetimes</th>
            <th>Rekey margin / fuzz</th>
            <th>Replay</th>
            <th>DPD</th>
            <th>PFS</th>
            <th>Phase 1</th>
            <th>Phase 2</th>
            <th>Startup</th>
            <th>NAT-T</th>
            <th>Logs</th>
          </tr>
        </thead>
        <tbody>
          {detail.tunnels.map((t) => (
            <tr key={t.id}>
              <td>{t.index}</td>
              <td>
                <StatusBadge status={t.status} />
                {t.statusMessage ? <div className="muted small">{t.statusMessage}</div> : null}
              </td>
              <td>
                <TimeAgo at={t.lastStatusChange} />
              </td>
              <td className="mono">{t.outsideIp ?? "–"}</td>
              <td className="mono">{t.insideCidr ?? "–"}</td>
              <td>{t.acceptedRouteCount ?? "–"}</td>
              <td>{t.ikeVersions.join(", ") || "–"}</td>
              <td>
                {t.phase1LifetimeSec === null && t.phase2LifetimeSec === null
                  ? "–"
                  : `${t.phase1LifetimeSec ?? "?"} / ${t.phase2LifetimeSec ?? "?"} s`}
              </td>
              <td>
                {t.rekeyMarginSec === null ? "–" : `${t.rekeyMarginSec} s`} /{" "}
                {t.rekeyFuzzPct === null ? "–" : `${t.rekeyFuzzPct} %`}
              </td>
              <td>{t.replayWindow ?? "–"}</td>
              <td>
                {/* AWS reports DPD by its timeout and action, not by an on/off flag. */}
                {[
                  ...(t.dpdEnabled === null && (t.dpdTimeoutSec || t.dpdTimeoutAction) ? [] : [yesNo(t.dpdEnabled)]),
                  ...(t.dpdTimeoutSec ? [`${t.dpdTimeoutSec} s`] : []),
                  ...(t.dpdTimeoutAction ? [t.dpdTimeoutAction] : []),
                ].join(", ")}
              </td>
              <td>
                {yesNo(t.pfsEnabled)}
                {t.phase2DhGroups.length > 0 ? ` (DH ${numberRanges(t.phase2DhGroups)})` : ""}
              </td>
              <td className="small">
                {[...t.phase1Encryption, ...t.phase1Integrity].join(", ") || "–"}
                {t.phase1DhGroups.length > 0 ? ` · DH ${numberRanges(t.phase1DhGroups)}` : ""}
              </td>
              <td className="small">{[...t.phase2Encryption, ...t.phase2Integrity].join(", ") || "–"}</td>
              <td>{t.startupAction ?? "–"}</td>
              <td>{yesNo(t.natTraversal)}</td>
              <td>{yesNo(t.loggingEnabled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// --- Timeline -------------------------------------------------------------------------------

function Timeline({
  connectionId,
  range,
  onRange,
}: {
  connectionId: string;
  range: string;
  onRange: (r: string) => void;
}) {
  const trpc = useTRPC();
  const span = RANGES.find((r) => r.value === range) ?? RANGES[1];
  // The window is fixed when the range is picked, so the query key does not change every render.
  const bounds = useMemo(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - span.ms), to };
  }, [span.ms]);
  const timeline = useQuery({
    ...trpc.connections.timeline.queryOptions({ connectionId, ...bounds }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <div className={styles.panelHead}>
        <h2 id="timeline-heading">Status timeline</h2>
        <fieldset className={styles.rangeBar}>
          <legend className="sr-only">Time range</legend>
          {RANGES.map((r) => (
            <button
              key={r.value}
              type="button"
              className={`button small ${r.value === span.value ? "" : "secondary"}`}
              aria-pressed={r.value === span.value}
              onClick={() => onRange(r.value)}
            >
              {r.label}
            </button>
          ))}
        </fieldset>
      </div>
      <QueryView query={timeline} loadingLabel="Loading the timeline…">
        {(data) =>
          data.tunnels.length === 0 ? (
            <EmptyState title="No tunnels to chart" />
          ) : (
            <>
              {data.isTruncated ? (
                <p className="notice small">Too many status changes to show them all: pick a shorter range.</p>
              ) : null}
              {data.tunnels.map((tunnel) => (
                <div key={tunnel.id} className={styles.timelineTunnel} data-testid="tunnel-timeline">
                  <h3>
                    Tunnel {tunnel.index} <StatusBadge status={tunnel.status} />
                    <span className="muted small">
                      {tunnel.transitions.length === 0
                        ? "no change in this range"
                        : `${tunnel.transitions.length} change${tunnel.transitions.length === 1 ? "" : "s"}`}
                    </span>
                  </h3>
                  <StatusTimelineChart tunnel={tunnel} from={data.from} to={data.to} />
                </div>
              ))}
            </>
          )
        }
      </QueryView>
    </section>
  );
}

// --- Posture and playbooks ------------------------------------------------------------------

function PlaybookSteps({ playbook }: { playbook: Playbook }) {
  let group: string | undefined;
  return (
    <div>
      <p className="small">{playbook.summary}</p>
      <ol className={styles.steps}>
        {playbook.steps.map((step) => {
          const stepGroup = step.variant ?? "general";
          const heading =
            stepGroup !== group && stepGroup !== "general"
              ? PLAYBOOK_VARIANT_LABELS[stepGroup as PlaybookVariant]
              : null;
          group = stepGroup;
          return (
            <li key={step.id}>
              {heading ? <div className={styles.variant}>{heading}</div> : null}
              <strong>{step.title}</strong>
              <div>{step.detail}</div>
              {step.where ? <div className="muted small">Where: {step.where}</div> : null}
              {step.commands && step.commands.length > 0 ? <pre>{step.commands.join("\n")}</pre> : null}
            </li>
          );
        })}
      </ol>
      {playbook.references.length > 0 ? (
        <p className="muted small">
          References:{" "}
          {playbook.references.map((ref, i) => (
            <span key={ref.title}>
              {i > 0 ? "; " : ""}
              {ref.url ? (
                <a href={ref.url} target="_blank" rel="noreferrer">
                  {ref.title}
                </a>
              ) : (
                ref.title
              )}
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

function Posture({ detail }: { detail: Detail }) {
  const { posture, playbooks } = detail;
  return (
    <section className="panel" aria-labelledby="posture-heading">
      <h2 id="posture-heading">HA posture</h2>
      <div className={styles.gradeLine}>
        <span className={styles.bigGrade}>
          <GradeBadge grade={posture.grade} />
        </span>
        <span>{posture.gradeReason ?? (posture.grade ? "" : "Not graded yet.")}</span>
      </div>
      <p className="small">
        Expected downtime at the provider's next maintenance:{" "}
        <strong>{formatDuration(posture.expectedDowntimeSec)}</strong>
        {posture.nextGrade ? (
          <>
            {" "}
            · To reach <GradeBadge grade={posture.nextGrade.grade} />: {posture.nextGrade.change}
          </>
        ) : null}
      </p>
      {posture.source === "snapshot" ? (
        <p className="muted small">From the last evaluation ({formatTime(posture.evaluatedAt)}).</p>
      ) : null}
      {posture.findings.length === 0 ? (
        <EmptyState title={posture.source === "none" ? "Not evaluated yet" : "No findings"}>
          {posture.source === "none"
            ? "The posture is evaluated at the next status poll."
            : "Nothing in this connection's configuration or status puts it at risk."}
        </EmptyState>
      ) : (
        <ul className={styles.findings} data-testid="findings">
          {posture.findings.map((finding) => {
            const playbook = playbooks[finding.code];
            return (
              <li key={`${finding.code}-${finding.tunnelIndex ?? "c"}-${finding.title}`}>
                <details className={styles.finding}>
                  <summary>
                    <SeverityBadge severity={finding.severity} />
                    <span className="badge mono">{finding.code}</span>
                    <strong>{finding.title}</strong>
                    {finding.tunnelIndex ? <span className="muted small">tunnel {finding.tunnelIndex}</span> : null}
                  </summary>
                  <p className="small">{finding.detail}</p>
                  {playbook ? <PlaybookSteps playbook={playbook} /> : null}
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function ConfigChecks({ detail }: { detail: Detail }) {
  const { recommended } = detail.posture;
  if (detail.tunnels.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration against the recommendation</h2>
      <p className="muted small">
        {recommended.source}
        {recommended.appliesTo === "customer-gateway"
          ? ": these values are recommended for the customer gateway; the provider side is accepted at its defaults."
          : recommended.appliesTo === "both-peers"
            ? ": any lifetimes work when both peers use the same."
            : "."}
      </p>
      <div className={styles.tableWrap}>
        <table className="table" data-testid="config-checks">
          <thead>
            <tr>
              <th>Parameter</th>
              {detail.tunnels.map((tunnel) => (
                <th key={tunnel.id}>Tunnel {tunnel.index}</th>
              ))}
              <th>Recommended</th>
            </tr>
          </thead>
          <tbody>
            {checkRows(detail.tunnels).map((row) => (
              <tr key={row.parameter}>
                <td>{row.label}</td>
                {row.cells.map((cell, i) => (
                  <td key={detail.tunnels[i]?.id ?? i} className={styles.checkCell}>
                    <span className="mono">{cell.value ?? <span className="muted">not reported</span>}</span>{" "}
                    <CheckMark ok={cell.ok} />
                  </td>
                ))}
                <td className={`mono ${styles.checkCell}`}>{row.recommended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

type DetailTunnel = Detail["tunnels"][number];

/**
 * One row a parameter with every tunnel's value and verdict beside the recommendation (the same
 * for every tunnel of a connection; should two differ, each is named).
 */
function checkRows(tunnels: ReadonlyArray<DetailTunnel>) {
  const first = tunnels[0];
  if (!first) return [];
  return first.checks.map((check) => {
    const cells = tunnels.map((tunnel) => {
      const own = tunnel.checks.find((c) => c.parameter === check.parameter);
      return {
        value: own?.value ?? null,
        ok: own?.ok ?? null,
        recommended: own?.recommended ?? check.recommended,
      };
    });
    const recommendations = [...new Set(cells.map((c) => c.recommended))];
    return {
      parameter: check.parameter,
      label: check.label,
      cells,
      recommended:
        recommendations.length === 1
          ? check.recommended
          : cells.map((c, i) => `tunnel ${tunnels[i]?.index}: ${c.recommended}`).join("; "),
    };
  });
}

// --- Incidents, maintenance, history ----------------------------------------------------------

function IncidentsPanel({ detail }: { detail: Detail }) {
  const rows = [
    ...detail.openIncidents,
    ...detail.recentIncidents.filter((r) => !detail.openIncidents.some((o) => o.id === r.id)),
  ].slice(0, 20);
  const tunnelIndex = new Map(detail.tunnels.map((t) => [t.id, t.index]));
  return (
    <section className="panel" aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">Incidents</h2>
      {rows.length === 0 ? (
        <EmptyState title="No incidents">No fault has opened an incident on this connection.</EmptyState>
      ) : (
        <div className={styles.tableWrap}>
          <DataTable columns={["Status", "Incident", "Tunnel", "Opened", "Events"]}>
            {rows.map((incident) => (
              <tr key={incident.id}>
                <td>
                  <StatusBadge status={incident.status} />
                </td>
                <td style={{ whiteSpace: "normal" }}>
                  <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>
                  <div>
                    <SeverityBadge severity={incident.severity} /> <span className="mono small">{incident.code}</span>
                  </div>
                </td>
                <td>{incident.tunnelId ? (tunnelIndex.get(incident.tunnelId) ?? "–") : "all"}</td>
                <td>
                  <TimeAgo at={incident.openedAt} />
                </td>
                <td>{incident.eventCount.toLocaleString("en")}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      )}
    </section>
  );
}

function MaintenancePanel({ detail }: { detail: Detail }) {
  if (detail.maintenance.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="maintenance-heading">
      <h2 id="maintenance-heading">Announced maintenance</h2>
      <ul className="small">
        {detail.maintenance.map((m) => (
          <li key={m.id}>
            <strong>{m.title}</strong> ({m.status.toLowerCase().replace("_", " ")}
            {m.tunnelIndex ? `, tunnel ${m.tunnelIndex}` : ""}): {formatTime(m.startsAt ?? m.autoAppliedAfter)}
            {m.autoAppliedAfter ? ` · applied automatically after ${formatTime(m.autoAppliedAfter)}` : ""}
          </li>
        ))}
      </ul>
      <p className="small">
        Expected downtime: {formatDuration(detail.posture.expectedDowntimeSec)}.{" "}
        <Link href="/maintenance">All maintenance</Link>
      </p>
    </section>
  );
}

function PostureHistory({ detail }: { detail: Detail }) {
  if (detail.snapshots.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">Posture history</h2>
      <div className={styles.tableWrap}>
        <DataTable columns={["Evaluated", "Grade", "Downtime", "Findings"]}>
          {detail.snapshots.map((s) => (
            <tr key={s.id}>
              <td>{formatTime(s.evaluatedAt)}</td>
              <td>
                <GradeBadge grade={s.grade} />
              </td>
              <td>{formatDuration(s.expectedDowntimeSec)}</td>
              <td className="mono small" style={{ whiteSpace: "normal" }}>
                {s.findingCodes.join(", ") || "–"}
              </td>
            </tr>
          ))}
        </DataTable>
      </div>
    </section>
  );
}

// --- Log lines ------------------------------------------------------------------------------

function LogLines({
  detail,
  filters,
  set,
}: {
  detail: Detail;
  filters: typeof DEFAULTS;
  set: (changes: Partial<typeof DEFAULTS>) => void;
}) {
  const trpc = useTRPC();
  const page = Math.max(1, Number.parseInt(filters.logPage, 10) || 1);
  const tunnelIndex = Number.parseInt(filters.logTunnel, 10);
  const logs = useQuery({
    ...trpc.connections.logEvents.queryOptions({
      connectionId: detail.connection.id,
      page,
      pageSize: LOG_PAGE_SIZE,
      ...(filters.logCode ? { code: filters.logCode } : {}),
      ...(Number.isInteger(tunnelIndex) && tunnelIndex > 0 ? { tunnelIndex } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="panel" aria-labelledby="logs-heading">
      <div className={styles.panelHead}>
        <h2 id="logs-heading">Recent log lines</h2>
        <div className="filters" style={{ marginBottom: 0 }}>
          <CodeSelect
            ariaLabel="Code"
            codes={LOG_FAULT_CODES}
            value={filters.logCode}
            onChange={(logCode) => set({ logCode, logPage: "1" })}
          />
          <select
            aria-label="Tunnel"
            value={filters.logTunnel}
            onChange={(event) => set({ logTunnel: event.target.value, logPage: "1" })}
          >
            <option value="">Any tunnel</option>
            {detail.tunnels.map((t) => (
              <option key={t.id} value={String(t.index)}>
                Tunnel {t.index}
              </option>
            ))}
          </select>
          <Link
            className="button small secondary"
            href={`/logs?connection=${encodeURIComponent(detail.connection.id)}`}
          >
            Search all logs
          </Link>
        </div>
      </div>
      {logs.isPending ? (
        <Loading label="Loading log lines…" />
      ) : logs.isError ? (
        <ErrorState error={logs.error} onRetry={() => logs.refetch()} />
      ) : logs.data.total === 0 ? (
        <EmptyState title={filters.logCode || filters.logTunnel ? "No log line matches" : "No log lines yet"}>
          {filters.logCode || filters.logTunnel
            ? "Try another code or tunnel."
            : "Lines appear once the provider's tunnel logs are read (turn tunnel logging on where it is off), or when a customer gateway pushes its syslog."}
        </EmptyState>
      ) : (
        <>
          <div className={styles.tableWrap}>
            <table className="table" data-testid="log-lines">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Tunnel</th>
                  <th>Code</th>
                  <th>Line</th>
                </tr>
              </thead>
              <tbody>
                {logs.data.items.map((event) => (
                  <tr key={event.id}>
                    <td>{formatTime(event.occurredAt, true)}</td>
                    <td>{event.tunnelIndex ?? "–"}</td>
                    <td>
                      <span className="mono small">{event.code}</span>
                      <div>
                        <SeverityBadge severity={event.severity} />
                      </div>
                    </td>
                    <td className={`mono ${styles.raw}`}>{event.raw}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={logs.data.page}
            pageSize={logs.data.pageSize}
            total={logs.data.total}
            onPage={(p) => set({ logPage: String(p) })}
          />
          {logs.data.isTotalCapped ? (
            <p className="muted small">
              More than {logs.data.total.toLocaleString("en")} lines: narrow by code, or use the log search.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

// --- Page -----------------------------------------------------------------------------------

function ConnectionPage() {
  const params = useParams<{ connectionId: string }>();
  const connectionId = decodeURIComponent(params.connectionId);
  const trpc = useTRPC();
  const [filters, set] = useUrlState(DEFAULTS);
  const detail = useQuery({ ...trpc.connections.detail.queryOptions({ connectionId }), refetchInterval: 60_000 });
  if (detail.isPending) return <Loading label="Loading the connection…" />;
  if (detail.isError) {
    return (
      <>
        <p className="small">
          <Link href="/connections">← Connections</Link>
        </p>
        <ErrorState error={detail.error} onRetry={() => detail.refetch()} />
      </>
    );
  }
  const data = detail.data;
  return (
    <>
      <Header detail={data} />
      <section className="panel" aria-labelledby="tunnels-heading">
        <h2 id="tunnels-heading">Tunnels</h2>
        <TunnelsTable detail={data} />
      </section>
      <Timeline connectionId={connectionId} range={filters.range} onRange={(range) => set({ range })} />
      <div className={styles.columns}>
        <Posture detail={data} />
        <div>
          <IncidentsPanel detail={data} />
          <MaintenancePanel detail={data} />
        </div>
      </div>
      <CustomerGatewayPanel detail={data} />
      <ConfigChecks detail={data} />
      <ConfigChangesPanel connectionId={connectionId} filters={filters} set={set} />
      <GatewayConfigPanel
        connectionId={connectionId}
        statedVendor={data.connection.customerGateway?.vendor}
        filters={filters}
        set={set}
      />
      <LogLines detail={data} filters={filters} set={set} />
      <PostureHistory detail={data} />
    </>
  );
}

export default urlStatePage(ConnectionPage);
