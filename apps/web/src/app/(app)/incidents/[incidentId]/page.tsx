"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
// One incident: status and actions (acknowledge, resolve with a reason, comment), the playbook
// for its code with "Mark step applied" on each step, the remediation timeline and the log
// lines behind it.
import { PLAYBOOK_VARIANT_LABELS } from "@tunnelwatch/core/browser";
import Link from "next/link";
import { useParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import detailHeader from "~/components/detail-header.module.css";
import { DataTable } from "~/components/table.tsx";
import {
  EmptyState,
  formatDuration,
  GradeBadge,
  QueryView,
  SeverityBadge,
  StatusBadge,
  TimeAgo,
} from "~/components/ui.tsx";
import { errorMessage, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import { CodeBadge, formatTime, toLocalInput } from "../../logs/shared.tsx";
import styles from "../incidents.module.css";

type Detail = RouterOutputs["incidents"]["detail"];
type Step = NonNullable<Detail["playbook"]>["steps"][number];

const VARIANT_LABELS: Record<string, string> = { general: "Steps", ...PLAYBOOK_VARIANT_LABELS };

const ACTIVITY_LABELS: Record<string, string> = {
  OPENED: "Opened",
  EVENT_FOLDED: "More events",
  CAUSE_NAMED: "Cause named",
  RECOVERING: "Recovering",
  ACKNOWLEDGED: "Acknowledged",
  COMMENT: "Comment",
  REMEDIATION: "Remediation applied",
  RESOLVED: "Resolved",
  REOPENED: "Reopened",
};

function useInvalidate() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.incidents.pathKey() });
}

function Actions({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [resolving, setResolving] = useState(false);
  const [reason, setReason] = useState("");
  const acknowledge = useMutation(trpc.incidents.acknowledge.mutationOptions({ onSuccess: invalidate }));
  const resolve = useMutation(
    trpc.incidents.resolve.mutationOptions({
      onSuccess: async () => {
        setResolving(false);
        setReason("");
        await invalidate();
      },
    }),
  );
  const status = data.incident.status;
  const isActive = status !== "RESOLVED";
  const canAcknowledge = status === "OPEN" || status === "PENDING";
  const blocked = data.canAct ? undefined : "Operators and above can act on incidents; you are a viewer.";
  const error = acknowledge.error ?? resolve.error;

  return (
    <div>
      <div className={styles.actions}>
        {canAcknowledge ? (
          <button
            type="button"
            className="button small"
            disabled={!data.canAct || acknowledge.isPending}
            title={blocked}
            onClick={() => acknowledge.mutate({ incidentId: data.incident.id })}
          >
            {acknowledge.isPending ? "Acknowledging…" : "Acknowledge"}
          </button>
        ) : null}
        {isActive && !resolving ? (
          <button
            type="button"
            className="button small secondary"
            disabled={!data.canAct}
            title={blocked}
            onClick={() => setResolving(true)}
          >
            Resolve
          </button>
        ) : null}
      </div>
      {resolving ? (
        <form
          className={styles.resolveForm}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (reason.trim()) resolve.mutate({ incidentId: data.incident.id, reason: reason.trim() });
          }}
        >
          <label>
            Reason
            <input
              // biome-ignore lint/a11y/noAutofocus: the form opens on request; typing the reason comes next.
              autoFocus
              value={reason}
              maxLength={1000}
              required
              placeholder="e.g. DPD interval corrected on the gateway"
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <button type="submit" className="button small" disabled={!reason.trim() || resolve.isPending}>
            {resolve.isPending ? "Resolving…" : "Confirm resolve"}
          </button>
          <button
            type="button"
            className="button small secondary"
            onClick={() => {
              setResolving(false);
              resolve.reset();
            }}
          >
            Cancel
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="notice error small" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
      {blocked ? <p className="muted small">{blocked}</p> : null}
    </div>
  );
}

function StepCard({ step, data }: { step: Step; data: Detail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const record = useMutation(trpc.incidents.recordRemediation.mutationOptions({ onSuccess: invalidate }));
  return (
    <li className={`${styles.step} ${step.appliedAt ? styles.stepApplied : ""}`}>
      <div className={styles.stepHead}>
        <strong>{step.title}</strong>
        <span className={detailHeader.badges}>
          {step.appliedAt ? (
            <span className="badge ok small">
              applied <TimeAgo at={step.appliedAt} />
            </span>
          ) : null}
          {data.canAct ? (
            <button
              type="button"
              className="button small secondary"
              disabled={record.isPending}
              aria-describedby={`step-${step.id}`}
              onClick={() => record.mutate({ incidentId: data.incident.id, stepId: step.id })}
            >
              {record.isPending ? "Recording…" : "Mark step applied"}
            </button>
          ) : null}
        </span>
      </div>
      <p id={`step-${step.id}`}>{step.detail}</p>
      {step.where ? <p className="muted small">Where: {step.where}</p> : null}
      {step.commands?.length ? <pre className={`mono ${styles.commands}`}>{step.commands.join("\n")}</pre> : null}
      <p className="muted small mono">{step.id}</p>
      {record.error ? (
        <p className="notice error small" role="alert">
          {errorMessage(record.error)}
        </p>
      ) : null}
    </li>
  );
}

function Playbook({ data }: { data: Detail }) {
  const playbook = data.playbook;
  if (!playbook) {
    return (
      <section className="panel">
        <h2>Playbook</h2>
        <EmptyState title={`No playbook for ${data.incident.code}`}>
          Check the evidence lines below and the connection's findings.
        </EmptyState>
      </section>
    );
  }
  const groups: Array<{ variant: string; steps: Step[] }> = [];
  for (const step of playbook.steps) {
    const variant = step.variant ?? "general";
    const last = groups.at(-1);
    if (last?.variant === variant) last.steps.push(step);
    else groups.push({ variant, steps: [step] });
  }
  return (
    <section className="panel" aria-labelledby="playbook-heading">
      <h2 id="playbook-heading">Playbook</h2>
      <p>{playbook.summary}</p>
      {playbook.gatewayVendor ? (
        <p className="muted small">
          Customer gateway steps for {VARIANT_LABELS[playbook.gatewayVendor] ?? playbook.gatewayVendor}, recognised from
          the gateway's description or its log lines.
        </p>
      ) : null}
      {groups.map((group) => (
        <div key={group.variant}>
          <h3 className={styles.variantHeading}>{VARIANT_LABELS[group.variant] ?? group.variant}</h3>
          <ol className={styles.steps}>
            {group.steps.map((step) => (
              <StepCard key={step.id} step={step} data={data} />
            ))}
          </ol>
        </div>
      ))}
      {playbook.references.length ? (
        <>
          <h3 className={styles.variantHeading}>References</h3>
          <ul className="small">
            {playbook.references.map((ref) => (
              <li key={ref.title}>
                {ref.url ? (
                  <a href={ref.url} target="_blank" rel="noreferrer">
                    {ref.title}
                  </a>
                ) : (
                  ref.title
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Timeline({ data }: { data: Detail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [body, setBody] = useState("");
  const comment = useMutation(
    trpc.incidents.comment.mutationOptions({
      onSuccess: async () => {
        setBody("");
        await invalidate();
      },
    }),
  );
  const stepTitles = new Map(data.playbook?.steps.map((s) => [s.id, s.title]) ?? []);
  return (
    <section className="panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Remediation timeline</h2>
      {data.timeline.length === 0 ? (
        <p className="muted small">Nothing recorded yet: acknowledge the incident, comment, or mark a step applied.</p>
      ) : (
        <ol className={styles.timeline}>
          {data.timeline.map((a) => (
            <li
              key={a.id}
              className={a.kind === "RESOLVED" ? styles.resolved : a.actor.kind === "system" ? "" : styles.human}
            >
              <div>
                <strong>{ACTIVITY_LABELS[a.kind] ?? a.kind}</strong>{" "}
                <span className="muted small">
                  by {a.actor.name} · <time dateTime={a.createdAt.toISOString()}>{formatTime(a.createdAt, true)}</time>
                </span>
              </div>
              {a.playbookStep ? (
                <div className="small">
                  Step: {stepTitles.get(a.playbookStep) ?? a.playbookStep}{" "}
                  <span className="muted mono">{a.playbookStep}</span>
                </div>
              ) : null}
              {a.body ? <p className={styles.timelineBody}>{a.body}</p> : null}
            </li>
          ))}
        </ol>
      )}
      {data.timelineTruncated ? <p className="muted small">Showing the first 500 entries.</p> : null}
      {data.canAct ? (
        <form
          className={styles.commentForm}
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            if (body.trim()) comment.mutate({ incidentId: data.incident.id, body: body.trim() });
          }}
        >
          <label>
            Comment
            <textarea
              value={body}
              maxLength={5000}
              placeholder="What you checked, who you called, what changed…"
              onChange={(event) => setBody(event.target.value)}
            />
          </label>
          <div>
            <button type="submit" className="button small" disabled={!body.trim() || comment.isPending}>
              {comment.isPending ? "Adding…" : "Add comment"}
            </button>
          </div>
          {comment.error ? (
            <p className="notice error small" role="alert">
              {errorMessage(comment.error)}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function Evidence({ data }: { data: Detail }) {
  const i = data.incident;
  const logsHref = `/logs?${new URLSearchParams({
    connection: data.connection.id,
    code: i.code,
    range: "custom",
    from: toLocalInput(i.firstEventAt),
    to: toLocalInput(new Date((i.resolvedAt ?? i.lastEventAt).getTime() + 60_000)),
  }).toString()}`;
  return (
    <section className="panel" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence</h2>
      {data.evidence.length === 0 ? (
        <p className="muted small">
          {i.kind === "FINDING"
            ? "This incident comes from a posture check, not from log lines: see the connection's findings."
            : "No log lines with this code in the incident's time span (they may have aged out of retention)."}
        </p>
      ) : (
        <>
          <DataTable columns={["Time", "Code", "Line"]}>
            {data.evidence.map((line) => (
              <tr key={`${line.occurredAt.toISOString()}-${line.stream}-${line.raw.slice(0, 40)}`}>
                <td className="small">{formatTime(line.occurredAt, true)}</td>
                <td>
                  <CodeBadge code={line.code} severity={line.severity} />
                  <div className="muted small">{line.vendor}</div>
                </td>
                <td>
                  <pre className={`mono ${styles.evidenceRaw}`}>{line.raw}</pre>
                  {line.evidence ? <div className="muted small">matched: {line.evidence}</div> : null}
                </td>
              </tr>
            ))}
          </DataTable>
          {data.evidence.length >= data.evidenceLimit ? (
            <p className="muted small">Showing the first {data.evidenceLimit} lines.</p>
          ) : null}
        </>
      )}
      {i.kind === "LOG_FAULT" ? (
        <p className="small">
          <Link href={logsHref}>Search all log lines of this connection around the incident</Link>
        </p>
      ) : null}
    </section>
  );
}

function Facts({ data }: { data: Detail }) {
  const i = data.incident;
  return (
    <section className="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">Details</h2>
      <dl className={styles.facts}>
        <dt>Connection</dt>
        <dd>
          <Link href={`/connections/${data.connection.id}`}>{data.connection.name}</Link>
          <div className="muted small">
            {data.connection.provider.toLowerCase()} · {data.connection.region} · {data.connection.externalId}
          </div>
        </dd>
        {data.tunnel ? (
          <>
            <dt>Tunnel</dt>
            <dd>
              Tunnel {data.tunnel.index} <StatusBadge status={data.tunnel.status} />
              {data.tunnel.outsideIp ? <div className="muted small mono">{data.tunnel.outsideIp}</div> : null}
            </dd>
          </>
        ) : null}
        <dt>Grade</dt>
        <dd>
          <GradeBadge grade={data.connection.grade} />{" "}
          <span className="muted small">
            {data.connection.routing.toLowerCase()} · {data.connection.criticality.toLowerCase()} criticality
          </span>
        </dd>
        <dt>First event</dt>
        <dd>{formatTime(i.firstEventAt, true)}</dd>
        <dt>Opened</dt>
        <dd>{formatTime(i.openedAt, true)}</dd>
        <dt>Last event</dt>
        <dd>
          {formatTime(i.lastEventAt, true)} <span className="muted small">({i.eventCount} events)</span>
        </dd>
        {i.recoveringSince && i.status !== "RESOLVED" ? (
          <>
            <dt>Recovering</dt>
            <dd>
              since <TimeAgo at={i.recoveringSince} />
            </dd>
          </>
        ) : null}
        <dt>Acknowledged</dt>
        <dd>
          {i.acknowledgedAt ? (
            <>
              {formatTime(i.acknowledgedAt, true)}{" "}
              <span className="muted small">(after {formatDuration(i.timeToAcknowledgeSec)})</span>
            </>
          ) : (
            <span className="muted">not yet</span>
          )}
        </dd>
        <dt>Resolved</dt>
        <dd>
          {i.resolvedAt ? (
            <>
              {formatTime(i.resolvedAt, true)}
              {i.resolvedReason ? <div className="small">{i.resolvedReason}</div> : null}
            </>
          ) : (
            <span className="muted">not yet</span>
          )}
        </dd>
        {i.timeToRecoverSec !== null ? (
          <>
            <dt>Time to recover</dt>
            <dd>
              <strong>{formatDuration(i.timeToRecoverSec)}</strong>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export default function IncidentPage() {
  const { incidentId } = useParams<{ incidentId: string }>();
  const trpc = useTRPC();
  const detail = useQuery(trpc.incidents.detail.queryOptions({ incidentId }));
  return (
    <>
      <p className="small">
        <Link href="/incidents">← Incidents</Link>
      </p>
      <QueryView query={detail} loadingLabel="Loading the incident…">
        {(data) => (
          <>
            <header className={detailHeader.header}>
              <div>
                <h1>{data.incident.title}</h1>
                <div className={detailHeader.badges}>
                  <span data-testid="incident-status">
                    <StatusBadge status={data.incident.status} />
                  </span>
                  <SeverityBadge severity={data.incident.severity} />
                  <CodeBadge code={data.incident.code} severity={data.incident.severity} />
                  {data.incident.isMaintenance ? <span className="badge warn">during maintenance</span> : null}
                  <span className="muted small">
                    {data.incident.kind === "FINDING" ? "posture finding" : "log fault"} on{" "}
                    {data.tunnel ? `tunnel ${data.tunnel.index} of ` : ""}
                    {data.connection.name}
                  </span>
                </div>
              </div>
              <Actions data={data} />
            </header>
            <div className={styles.layout}>
              <div>
                <Playbook data={data} />
                <Evidence data={data} />
              </div>
              <div>
                <Facts data={data} />
                <Timeline data={data} />
              </div>
            </div>
          </>
        )}
      </QueryView>
    </>
  );
}
