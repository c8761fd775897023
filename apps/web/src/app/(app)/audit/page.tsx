"use client";
// The audit log: every change to accounts, alerts, tokens, members and incidents, newest first,
// filtered by action, actor, object type and time (filters in the URL).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import styles from "~/components/admin.module.css";
import { formatDate, NotAllowed, useRole } from "~/components/admin-ui.tsx";
import { DataTable } from "~/components/table.tsx";
import { EmptyState, Loading, Pagination, QueryView } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { useTRPC } from "~/trpc/client.tsx";

const PAGE_SIZE = 50;
const ACTIONS = [
  { value: "cloudAccount.", label: "Cloud accounts" },
  { value: "alertChannel.", label: "Alert channels" },
  { value: "alertRule.", label: "Alert rules" },
  { value: "apiToken.", label: "API tokens" },
  { value: "member.", label: "Members" },
  { value: "invitation.", label: "Invitations" },
  { value: "incident.", label: "Incidents" },
  { value: "organisation.", label: "Organisation" },
];
const TARGET_TYPES = [
  "CloudAccount",
  "AlertChannel",
  "AlertRule",
  "ApiToken",
  "Membership",
  "Invitation",
  "Incident",
  "Tenant",
];

/** datetime-local value (local time, no zone) to an ISO instant, or undefined. */
function toDate(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function Details({ details }: { details: unknown }) {
  if (!details || (typeof details === "object" && Object.keys(details as object).length === 0)) {
    return <span className="muted">–</span>;
  }
  const text = JSON.stringify(details);
  return (
    <code className={`mono ${styles.details}`} title={JSON.stringify(details, null, 2)}>
      {text.length > 240 ? `${text.slice(0, 240)}…` : text}
    </code>
  );
}

function ActorFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions({ pageSize: 200 }));
  const tokens = useQuery(trpc.tokens.list.queryOptions({ pageSize: 200 }));
  return (
    <select aria-label="Actor" value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">Anyone</option>
      <optgroup label="Members">
        {members.data?.items.map((m) => (
          <option key={m.userId} value={`user:${m.userId}`}>
            {m.name ? `${m.name} (${m.email})` : m.email}
          </option>
        ))}
      </optgroup>
      <optgroup label="API tokens">
        {tokens.data?.items.map((t) => (
          <option key={t.id} value={`token:${t.id}`}>
            {t.name} ({t.prefix}…)
          </option>
        ))}
      </optgroup>
    </select>
  );
}

function AuditInner() {
  const trpc = useTRPC();
  const { can, isLoading } = useRole();
  const isAdmin = can("ADMIN");
  const [state, setState] = useUrlState({ action: "", actor: "", target: "", from: "", to: "", page: "1" });
  const page = Math.max(1, Number(state.page) || 1);
  const [actorKind, actorId] = state.actor.split(":", 2);
  const from = toDate(state.from);
  const to = toDate(state.to);
  const log = useQuery({
    ...trpc.audit.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(state.action ? { action: state.action } : {}),
      ...(actorKind === "user" && actorId ? { actorUserId: actorId } : {}),
      ...(actorKind === "token" && actorId ? { actorTokenId: actorId } : {}),
      ...(state.target ? { targetType: state.target } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
    enabled: isAdmin,
    placeholderData: keepPreviousData,
  });
  if (isLoading) return <Loading />;
  if (!isAdmin) return <NotAllowed what="The audit log is for admins." />;
  const hasFilters = Boolean(state.action || state.actor || state.target || state.from || state.to);

  return (
    <>
      <div className="filters">
        <input
          aria-label="Action"
          list="audit-actions"
          placeholder="Action, e.g. apiToken."
          defaultValue={state.action}
          key={state.action}
          onKeyDown={(event) => {
            if (event.key === "Enter") setState({ action: event.currentTarget.value.trim() });
          }}
          onBlur={(event) => {
            if (event.currentTarget.value.trim() !== state.action)
              setState({ action: event.currentTarget.value.trim() });
          }}
        />
        <datalist id="audit-actions">
          {ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </datalist>
        <ActorFilter value={state.actor} onChange={(actor) => setState({ actor })} />
        <select
          aria-label="Object type"
          value={state.target}
          onChange={(event) => setState({ target: event.target.value })}
        >
          <option value="">Any object</option>
          {TARGET_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label className="small">
          From{" "}
          <input
            type="datetime-local"
            value={state.from}
            onChange={(event) => setState({ from: event.target.value })}
          />
        </label>
        <label className="small">
          To <input type="datetime-local" value={state.to} onChange={(event) => setState({ to: event.target.value })} />
        </label>
        {hasFilters ? (
          <button
            type="button"
            className="button small secondary"
            onClick={() => setState({ action: "", actor: "", target: "", from: "", to: "" })}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <QueryView query={log} loadingLabel="Loading the audit log…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={hasFilters ? "No changes match these filters" : "No changes recorded yet"}>
              {hasFilters
                ? "Widen the time range or clear a filter."
                : "Changes to cloud accounts, alerts, tokens, members and incidents appear here."}
            </EmptyState>
          ) : (
            <div className={styles.tableWrap}>
              <DataTable columns={["When", "Who", "Action", "Object", "Details", "From"]}>
                {data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td className="small">{formatDate(entry.createdAt)}</td>
                    <td>
                      {entry.actor.label}
                      {entry.actor.kind === "user" && entry.actor.email && entry.actor.email !== entry.actor.label ? (
                        <div className="small muted">{entry.actor.email}</div>
                      ) : null}
                    </td>
                    <td className="mono">{entry.action}</td>
                    <td>
                      {entry.targetType}
                      {entry.targetId ? <div className="small muted mono">{entry.targetId}</div> : null}
                    </td>
                    <td>
                      <Details details={entry.details} />
                    </td>
                    <td className="small mono">{entry.ip ?? "–"}</td>
                  </tr>
                ))}
              </DataTable>
              <Pagination
                page={data.page}
                pageSize={data.pageSize}
                total={data.total}
                onPage={(next) => setState({ page: String(next) })}
              />
            </div>
          )
        }
      </QueryView>
    </>
  );
}

export default urlStatePage(AuditInner, {
  title: "Audit log",
  description: "Who changed what in this organisation, when, and from where.",
});
