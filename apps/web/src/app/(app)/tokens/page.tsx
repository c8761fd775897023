"use client";
// API tokens: create (the secret is shown once), list with last use, revoke.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import styles from "~/components/admin.module.css";
import { ConfirmButton, formatDate, NotAllowed, SectionHeader, toggled, useRole } from "~/components/admin-ui.tsx";
import { Field, FieldError, FormError, formErrors } from "~/components/forms.tsx";
import { ShownOnce } from "~/components/shown-once.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, Loading, QueryView, TimeAgo } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { errorMessage, useTRPC } from "~/trpc/client.tsx";

const PAGE_SIZE = 50;
const SCOPES = [
  { value: "read", hint: "view the fleet, connections, logs, incidents" },
  { value: "write", hint: "also acknowledge, comment, remediate and resolve incidents" },
] as const;

function CreateTokenForm({ onCreated }: { onCreated: (created: { name: string; token: string }) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [scopes, setScopes] = useState<Array<"read" | "write">>(["read"]);
  const create = useMutation(
    trpc.tokens.create.mutationOptions({
      onSuccess: async (created) => {
        onCreated({ name: created.name, token: created.token });
        await queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() });
      },
    }),
  );
  const errors = formErrors(create.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const days = String(data.get("expiresInDays") ?? "").trim();
    create.mutate(
      {
        name: String(data.get("name") ?? ""),
        scopes,
        expiresInDays: days ? Number(days) : null,
      },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <section className={`panel ${styles.formPanel}`} aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">New token</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError message={errors.message} />
        <Field id="token-name" label="Token name" name="name" errors={errors.fields}>
          <input id="token-name" name="name" placeholder="e.g. ticketing-sync" maxLength={100} required />
        </Field>
        <fieldset className={styles.checkboxes}>
          <legend className="small">Scopes</legend>
          {SCOPES.map((scope) => (
            <span key={scope.value}>
              <label className={styles.check}>
                <input
                  type="checkbox"
                  checked={scopes.includes(scope.value)}
                  onChange={(event) => setScopes((current) => toggled(current, scope.value, event.target.checked))}
                />
                {scope.value}
              </label>{" "}
              <span className={styles.hint}>({scope.hint})</span>
            </span>
          ))}
          <FieldError errors={errors.fields} name="scopes" />
        </fieldset>
        <Field
          id="token-expiry"
          label="Expires after (days)"
          name="expiresInDays"
          errors={errors.fields}
          hint="Optional: leave empty for a token that does not expire."
        >
          <input id="token-expiry" name="expiresInDays" type="number" min={1} max={3650} placeholder="never" />
        </Field>
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </form>
    </section>
  );
}

function StatusCell({ status, revokedAt }: { status: "active" | "revoked" | "expired"; revokedAt: Date | null }) {
  if (status === "revoked") {
    return (
      <span className="badge bad" title={revokedAt ? `Revoked ${formatDate(revokedAt)}` : undefined}>
        revoked
      </span>
    );
  }
  if (status === "expired") return <span className="badge warn">expired</span>;
  return <span className="badge ok">active</span>;
}

function TokensInner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can, isLoading } = useRole();
  const [state, setState] = useUrlState({ status: "all", page: "1" });
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const page = Math.max(1, Number(state.page) || 1);
  const isAdmin = can("ADMIN");
  const tokens = useQuery({
    ...trpc.tokens.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      status: state.status as "all" | "active" | "inactive",
    }),
    enabled: isAdmin,
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation(
    trpc.tokens.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.tokens.pathKey() }),
      onError: (error) => setRevokeError(errorMessage(error)),
    }),
  );

  if (isLoading) return <Loading />;
  if (!isAdmin) return <NotAllowed what="API tokens are managed by admins." />;

  return (
    <>
      {created ? (
        <ShownOnce
          title={`Token "${created.name}" created`}
          value={created.token}
          testId="new-token"
          onDismiss={() => setCreated(null)}
        >
          <p className="small muted">
            Send it as <code className="mono">Authorization: Bearer &lt;token&gt;</code> to{" "}
            <code className="mono">/api/trpc</code>.
          </p>
        </ShownOnce>
      ) : null}
      <CreateTokenForm onCreated={setCreated} />
      <section className="panel" aria-labelledby="tokens-heading">
        <SectionHeader id="tokens-heading" title="Tokens">
          <label className="small">
            Show{" "}
            <select value={state.status} onChange={(event) => setState({ status: event.target.value })}>
              <option value="all">All tokens</option>
              <option value="active">Active only</option>
              <option value="inactive">Revoked or expired</option>
            </select>
          </label>
        </SectionHeader>
        <FormError message={revokeError} />
        <QueryView query={tokens} loadingLabel="Loading tokens…">
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState title={state.status === "all" ? "No API tokens yet" : "No tokens match"}>
                {state.status === "all"
                  ? "Create one above for each integration (ticketing, chat-ops, CMDB), so each can be revoked on its own."
                  : "Show all tokens to see the others."}
              </EmptyState>
            ) : (
              <PagedTable
                columns={["Name", "Prefix", "Scopes", "Created", "Last used", "Expires", "Status"]}
                actions
                page={data}
                onPage={(next) => setState({ page: String(next) })}
              >
                {data.items.map((token) => (
                  <tr key={token.id} className={token.status === "active" ? undefined : styles.revoked}>
                    <td>{token.name}</td>
                    <td className="mono">{token.prefix}…</td>
                    <td>{token.scopes.join(", ")}</td>
                    <td>
                      {formatDate(token.createdAt)}
                      <div className="small muted">
                        {token.createdBy ? (token.createdBy.name ?? token.createdBy.email) : "deleted user"}
                      </div>
                    </td>
                    <td>
                      {token.lastUsedAt ? <TimeAgo at={token.lastUsedAt} /> : <span className="muted">never</span>}
                    </td>
                    <td>{token.expiresAt ? formatDate(token.expiresAt) : <span className="muted">never</span>}</td>
                    <td>
                      <StatusCell status={token.status} revokedAt={token.revokedAt} />
                    </td>
                    <td>
                      {token.status === "revoked" ? null : (
                        <ConfirmButton
                          disabled={revoke.isPending && revoke.variables?.id === token.id}
                          beforeConfirm={() => setRevokeError(null)}
                          confirm={`Revoke "${token.name}"? Integrations using it are refused from their next request. This cannot be undone.`}
                          onConfirm={() => revoke.mutate({ id: token.id })}
                        >
                          Revoke
                        </ConfirmButton>
                      )}
                    </td>
                  </tr>
                ))}
              </PagedTable>
            )
          }
        </QueryView>
      </section>
    </>
  );
}

export default urlStatePage(TokensInner, {
  title: "API tokens",
  description:
    "Tokens let integrations call the same API as this dashboard, in this organisation only. A read token acts as a viewer; a write token can also act on incidents.",
});
