"use client";
// Alert rules: what triggers an alert, for which connections, how severe, how often, to which channels.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import styles from "~/components/admin.module.css";
import { ConfirmButton, EnabledBadge, EnableToggle, SectionHeader, toggled } from "~/components/admin-ui.tsx";
import { Field, FieldError, FormButtons, FormError, formErrors } from "~/components/forms.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, ErrorState, formatDuration, QueryView, SeverityBadge } from "~/components/ui.tsx";
import { errorMessage, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";

type Rule = RouterOutputs["alerts"]["listRules"]["items"][number];
type Trigger = Rule["trigger"];
type Severity = Rule["minSeverity"];
type Provider = "AWS" | "ALIBABA" | "MULESOFT";

export const TRIGGERS: Array<{ value: Trigger; label: string }> = [
  { value: "TUNNEL_DOWN", label: "A tunnel goes down" },
  { value: "REDUNDANCY_LOST", label: "A connection loses redundancy (one tunnel or none left up)" },
  { value: "INCIDENT_OPENED", label: "An incident opens" },
  { value: "INCIDENT_RESOLVED", label: "An incident resolves" },
  { value: "GRADE_DROPPED", label: "A connection's HA grade drops" },
  { value: "MAINTENANCE_ANNOUNCED", label: "Maintenance is announced on an at-risk connection" },
  { value: "CUSTOMER_GATEWAY_DOWN", label: "A customer gateway looks down (several of its connections down)" },
  { value: "CUSTOMER_GATEWAY_RECOVERED", label: "A customer gateway that looked down no longer does" },
  { value: "CONFIG_CHANGED", label: "A connection's configuration changes at the provider" },
];
const SEVERITIES: Severity[] = ["CRITICAL", "MAJOR", "MINOR", "INFO"];
const PROVIDERS: Array<{ value: Provider; label: string }> = [
  { value: "AWS", label: "AWS" },
  { value: "ALIBABA", label: "Alibaba Cloud" },
  { value: "MULESOFT", label: "MuleSoft Anypoint" },
];
const PAGE_SIZE = 50;

function lines(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseTags(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    if (at < 0) tags[trimmed] = "";
    else tags[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return tags;
}

function scopeSummary(scope: Rule["scope"]): string {
  const parts: string[] = [];
  if (scope.providers?.length)
    parts.push(scope.providers.map((p) => PROVIDERS.find((x) => x.value === p)?.label ?? p).join(", "));
  if (scope.cloudAccountIds?.length) parts.push(`${scope.cloudAccountIds.length} account(s)`);
  if (scope.connectionIds?.length) parts.push(`${scope.connectionIds.length} connection(s)`);
  if (scope.tags && Object.keys(scope.tags).length) {
    parts.push(
      Object.entries(scope.tags)
        .map(([k, v]) => (v ? `${k}=${v}` : k))
        .join(", "),
    );
  }
  return parts.length ? parts.join(" · ") : "All connections";
}

function RuleForm({ rule, onDone }: { rule?: Rule; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const channels = useQuery(trpc.alerts.listChannels.queryOptions({ pageSize: 200 }));
  const accounts = useQuery(trpc.accounts.list.queryOptions({ pageSize: 200 }));
  const [channelIds, setChannelIds] = useState<string[]>(rule?.channels.map((c) => c.id) ?? []);
  const [providers, setProviders] = useState<Provider[]>(rule?.scope.providers ?? []);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const create = useMutation(
    trpc.alerts.createRule.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone();
      },
    }),
  );
  const update = useMutation(
    trpc.alerts.updateRule.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        onDone();
      },
    }),
  );
  const save = rule ? update : create;
  const errors = formErrors(save.error);
  const prefix = rule ? "edit-rule" : "new-rule";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      name: String(data.get("name") ?? ""),
      trigger: String(data.get("trigger")) as Trigger,
      minSeverity: String(data.get("minSeverity")) as Severity,
      quietPeriodSec: Math.round(Number(data.get("quietPeriodMin") || 0) * 60),
      isEnabled: data.get("isEnabled") === "on",
      channelIds,
      scope: {
        providers,
        cloudAccountIds: data.getAll("cloudAccountIds").map(String),
        connectionIds: lines(String(data.get("connectionIds") ?? "")),
        tags: parseTags(String(data.get("tags") ?? "")),
      },
    };
    if (rule) update.mutate({ id: rule.id, ...input });
    else create.mutate(input);
  }

  return (
    <section className={`panel ${styles.formPanel}`} aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>{rule ? `Edit ${rule.name}` : "New rule"}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.message} />
        <Field id={`${prefix}-name`} label="Rule name" name="name" errors={errors.fields}>
          <input
            id={`${prefix}-name`}
            name="name"
            defaultValue={rule?.name ?? ""}
            placeholder="e.g. Production tunnels down"
          />
        </Field>
        <Field id={`${prefix}-trigger`} label="When" name="trigger" errors={errors.fields}>
          <select id={`${prefix}-trigger`} name="trigger" defaultValue={rule?.trigger ?? "TUNNEL_DOWN"}>
            {TRIGGERS.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <div className={styles.row2}>
          <Field
            id={`${prefix}-severity`}
            label="Minimum severity"
            name="minSeverity"
            errors={errors.fields}
            hint="Events below it do not alert."
          >
            <select id={`${prefix}-severity`} name="minSeverity" defaultValue={rule?.minSeverity ?? "INFO"}>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={`${prefix}-quiet`}
            label="Quiet period (minutes)"
            name="quietPeriodSec"
            errors={errors.fields}
            hint="Repeats of the same alert within it are folded into one."
          >
            <input
              id={`${prefix}-quiet`}
              name="quietPeriodMin"
              type="number"
              min={0}
              max={1440}
              step={1}
              defaultValue={Math.round((rule?.quietPeriodSec ?? 900) / 60)}
            />
          </Field>
        </div>
        <fieldset className={styles.checkboxes}>
          <legend className="small">Send to</legend>
          {channels.data?.items.length ? (
            channels.data.items.map((c) => (
              <label key={c.id} className={styles.check}>
                <input
                  type="checkbox"
                  checked={channelIds.includes(c.id)}
                  onChange={(event) => setChannelIds((list) => toggled(list, c.id, event.target.checked))}
                />
                {c.name}
              </label>
            ))
          ) : channels.isError ? (
            <ErrorState
              title="Could not load the channels."
              error={channels.error}
              onRetry={() => channels.refetch()}
            />
          ) : (
            <span className="small muted">{channels.isPending ? "Loading channels…" : "Add a channel first."}</span>
          )}
          <FieldError errors={errors.fields} name="channelIds" />
        </fieldset>
        <fieldset className="form">
          <legend className="small">Scope (leave everything empty for all connections)</legend>
          <div className={styles.checkboxes}>
            {PROVIDERS.map((p) => (
              <label key={p.value} className={styles.check}>
                <input
                  type="checkbox"
                  checked={providers.includes(p.value)}
                  onChange={(event) => setProviders((list) => toggled(list, p.value, event.target.checked))}
                />
                {p.label}
              </label>
            ))}
          </div>
          <Field
            id={`${prefix}-accounts`}
            label="Cloud accounts"
            name="scope.cloudAccountIds"
            errors={errors.fields}
            hint="Optional: hold Ctrl or ⌘ to choose several."
          >
            <select
              id={`${prefix}-accounts`}
              name="cloudAccountIds"
              multiple
              size={Math.min(5, Math.max(2, accounts.data?.items.length ?? 2))}
              defaultValue={rule?.scope.cloudAccountIds ?? []}
            >
              {accounts.data?.items.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            {accounts.isError ? (
              <ErrorState
                title="Could not load the cloud accounts."
                error={accounts.error}
                onRetry={() => accounts.refetch()}
              />
            ) : null}
          </Field>
          <Field
            id={`${prefix}-connections`}
            label="Connection IDs"
            name="scope.connectionIds"
            errors={errors.fields}
            hint="Optional: Tunnelwatch connection ids, one per line (from the connection page's address)."
          >
            <textarea
              id={`${prefix}-connections`}
              name="connectionIds"
              rows={2}
              defaultValue={rule?.scope.connectionIds?.join("\n") ?? ""}
            />
          </Field>
          <Field
            id={`${prefix}-tags`}
            label="Tags"
            name="scope.tags"
            errors={errors.fields}
            hint="Optional: key=value per line; a connection must carry all of them."
          >
            <textarea
              id={`${prefix}-tags`}
              name="tags"
              rows={2}
              defaultValue={Object.entries(rule?.scope.tags ?? {})
                .map(([k, v]) => `${k}=${v}`)
                .join("\n")}
              placeholder="env=prod"
            />
          </Field>
        </fieldset>
        <label className={styles.check}>
          <input type="checkbox" name="isEnabled" defaultChecked={rule?.isEnabled ?? true} /> Enabled
        </label>
        <FormButtons label={rule ? "Save rule" : "Add rule"} pending={save.isPending} onCancel={onDone} />
      </form>
    </section>
  );
}

export function Rules({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [form, setForm] = useState<{ rule?: Rule } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const rules = useQuery({
    ...trpc.alerts.listRules.queryOptions({ page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() });
  const onError = (e: unknown) => setError(errorMessage(e));
  const toggle = useMutation(trpc.alerts.updateRule.mutationOptions({ onSuccess: invalidate, onError }));
  const remove = useMutation(trpc.alerts.deleteRule.mutationOptions({ onSuccess: invalidate, onError }));

  return (
    <section className="panel" aria-labelledby="rules-heading">
      <SectionHeader id="rules-heading" title="Rules">
        {canManage && !form ? (
          <button type="button" className="button small" onClick={() => setForm({})}>
            Add rule
          </button>
        ) : null}
      </SectionHeader>
      {form ? <RuleForm key={form.rule?.id ?? "new"} rule={form.rule} onDone={() => setForm(null)} /> : null}
      <FormError message={error} />
      <QueryView query={rules} loadingLabel="Loading rules…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="No alert rules yet">
              {canManage
                ? "Add a rule, e.g. “a tunnel goes down” on production connections, to an on-call channel."
                : "An admin sets up the rules that send alerts."}
            </EmptyState>
          ) : (
            <PagedTable
              columns={["Name", "When", "Scope", "Min. severity", "Quiet period", "Channels", "Status"]}
              actions={canManage}
              page={data}
              onPage={setPage}
            >
              {data.items.map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.name}</td>
                  <td className="small">{TRIGGERS.find((t) => t.value === rule.trigger)?.label ?? rule.trigger}</td>
                  <td className="small">{scopeSummary(rule.scope)}</td>
                  <td>
                    <SeverityBadge severity={rule.minSeverity} />
                  </td>
                  <td>{rule.quietPeriodSec ? formatDuration(rule.quietPeriodSec) : "none"}</td>
                  <td className="small">
                    {rule.channels.length ? (
                      rule.channels.map((c) => c.name).join(", ")
                    ) : (
                      <span className="muted">none: the rule sends nothing</span>
                    )}
                  </td>
                  <td>
                    <EnabledBadge enabled={rule.isEnabled} />
                  </td>
                  {canManage ? (
                    <td>
                      <div className={styles.actions}>
                        <EnableToggle
                          enabled={rule.isEnabled}
                          onToggle={(isEnabled) => toggle.mutate({ id: rule.id, isEnabled })}
                        />
                        <button type="button" className="button small secondary" onClick={() => setForm({ rule })}>
                          Edit
                        </button>
                        <ConfirmButton
                          confirm={`Delete the rule ${rule.name}? Its alerts stop.`}
                          onConfirm={() => remove.mutate({ id: rule.id })}
                        >
                          Delete
                        </ConfirmButton>
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </PagedTable>
          )
        }
      </QueryView>
    </section>
  );
}
