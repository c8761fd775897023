"use client";
// Cloud accounts: add (credentials encrypted, never shown again), test, sync now, pause,
// edit, delete; each with its sync state and last error.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import styles from "~/components/admin.module.css";
import { ConfirmButton, useRole } from "~/components/admin-ui.tsx";
import { FormError } from "~/components/forms.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, PageHeader, QueryView, TimeAgo } from "~/components/ui.tsx";
import { urlStatePage } from "~/components/url-state-page.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { errorMessage, useTRPC } from "~/trpc/client.tsx";
import { type Account, AccountForm, PROVIDER_LABELS, type Provider } from "./account-form.tsx";
import { type TestResult, TestResultView, UnavailableList } from "./test-result.tsx";

const PAGE_SIZE = 50;
const SYNC_CLASS: Record<string, string> = { OK: "ok", FAILING: "bad", PENDING: "", PAUSED: "warn" };
const SYNC_STATES = ["PENDING", "OK", "FAILING", "PAUSED"] as const;

function SyncCell({ account }: { account: Account }) {
  return (
    <div>
      <span className={`badge ${SYNC_CLASS[account.syncState] ?? ""}`} data-testid="sync-state">
        {account.syncState.toLowerCase()}
      </span>
      <div className="small muted">
        {account.lastSyncAt ? (
          <>
            last sync <TimeAgo at={account.lastSyncAt} />
          </>
        ) : (
          "not synced yet"
        )}
      </div>
      {account.syncState === "FAILING" && account.lastSuccessAt ? (
        <div className="small muted">
          last success <TimeAgo at={account.lastSuccessAt} />
        </div>
      ) : null}
    </div>
  );
}

function ErrorCell({ account }: { account: Account }) {
  const gaps = Object.entries(account.unavailable);
  return (
    <div className={styles.details}>
      {account.lastError ? (
        <div className="small" data-testid="last-error" style={{ color: "var(--danger)" }}>
          {account.lastError}
          {account.failingSince ? (
            <div className="muted">
              failing since <TimeAgo at={account.failingSince} /> · {account.consecutiveFailures} failed run
              {account.consecutiveFailures === 1 ? "" : "s"} (polls back off while failing)
            </div>
          ) : null}
        </div>
      ) : (
        <span className="muted small">none</span>
      )}
      {gaps.length ? (
        <details>
          <summary className="small muted">{gaps.length} optional data unavailable</summary>
          <UnavailableList unavailable={account.unavailable} />
        </details>
      ) : null}
    </div>
  );
}

function AccountsInner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { can } = useRole();
  const isAdmin = can("ADMIN");
  const isOperator = can("OPERATOR");
  const [state, setState] = useUrlState({ provider: "", sync: "", q: "", page: "1" });
  const [form, setForm] = useState<{ mode: "add" } | { mode: "edit"; account: Account } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [tests, setTests] = useState<Record<string, TestResult>>({});
  const page = Math.max(1, Number(state.page) || 1);
  const accounts = useQuery({
    ...trpc.accounts.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(state.provider ? { provider: state.provider as Provider } : {}),
      ...(state.sync ? { syncState: state.sync as (typeof SYNC_STATES)[number] } : {}),
      ...(state.q ? { q: state.q } : {}),
    }),
    placeholderData: keepPreviousData,
    // Sync state changes as the worker polls: keep it fresh while the page is open.
    refetchInterval: 15_000,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
  const onError = (error: unknown) => setActionError(errorMessage(error));
  const test = useMutation(
    trpc.accounts.test.mutationOptions({
      onSuccess: (result, { id }) => setTests((current) => ({ ...current, [id]: result })),
      onError,
    }),
  );
  const syncNow = useMutation(
    trpc.accounts.syncNow.mutationOptions({
      onSuccess: () => setNotice("Sync queued: the state below updates when the worker has polled the account."),
      onError,
    }),
  );
  const setPaused = useMutation(trpc.accounts.setPaused.mutationOptions({ onSuccess: invalidate, onError }));
  const remove = useMutation(
    trpc.accounts.delete.mutationOptions({
      onSuccess: async () => {
        setNotice(
          "Account deleted. Its connections are gone from every view now; their history is removed in the background.",
        );
        await invalidate();
      },
      onError,
    }),
  );
  const busy = (mutation: { isPending: boolean; variables?: { id: string } }, id: string) =>
    mutation.isPending && mutation.variables?.id === id;

  const hasFilters = Boolean(state.provider || state.sync || state.q);

  return (
    <>
      <PageHeader
        title="Cloud accounts"
        description="The AWS accounts, Alibaba Cloud accounts and Anypoint organisations whose VPN connections Tunnelwatch polls."
        actions={
          isAdmin && form?.mode !== "add" ? (
            <button
              type="button"
              className="button small"
              onClick={() => {
                setNotice(null);
                setForm({ mode: "add" });
              }}
            >
              Add cloud account
            </button>
          ) : null
        }
      />
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      <FormError message={actionError} />
      {form ? (
        <AccountForm
          key={form.mode === "edit" ? form.account.id : "add"}
          account={form.mode === "edit" ? form.account : undefined}
          onDone={(message) => {
            setForm(null);
            setNotice(message || null);
          }}
        />
      ) : null}
      <div className="filters">
        <input
          aria-label="Search accounts"
          placeholder="Search by name or account id"
          defaultValue={state.q}
          onKeyDown={(event) => {
            if (event.key === "Enter") setState({ q: event.currentTarget.value.trim() });
          }}
          onBlur={(event) => {
            if (event.currentTarget.value.trim() !== state.q) setState({ q: event.currentTarget.value.trim() });
          }}
        />
        <select
          aria-label="Cloud"
          value={state.provider}
          onChange={(event) => setState({ provider: event.target.value })}
        >
          <option value="">All clouds</option>
          {(Object.keys(PROVIDER_LABELS) as Provider[]).map((p) => (
            <option key={p} value={p}>
              {PROVIDER_LABELS[p]}
            </option>
          ))}
        </select>
        <select aria-label="Sync state" value={state.sync} onChange={(event) => setState({ sync: event.target.value })}>
          <option value="">Any sync state</option>
          {SYNC_STATES.map((s) => (
            <option key={s} value={s}>
              {s.toLowerCase()}
            </option>
          ))}
        </select>
      </div>
      <QueryView query={accounts} loadingLabel="Loading cloud accounts…">
        {(data) =>
          data.items.length === 0 ? (
            hasFilters ? (
              <EmptyState title="No accounts match these filters">Clear the search or pick another cloud.</EmptyState>
            ) : (
              <EmptyState title="No cloud accounts yet">
                {isAdmin
                  ? "Add one with read-only credentials: Tunnelwatch then finds its VPN connections and polls them."
                  : "An admin of this organisation adds cloud accounts."}
              </EmptyState>
            )
          ) : (
            <PagedTable
              columns={["Name", "Cloud", "Regions", "Connections", "Sync", "Last error"]}
              actions
              page={data}
              onPage={(next) => setState({ page: String(next) })}
            >
              {data.items.map((account) => (
                <tr key={account.id} data-testid="account-row">
                  <td>
                    <strong>{account.name}</strong>
                    {account.externalAccountId ? (
                      <div className="small muted mono">{account.externalAccountId}</div>
                    ) : null}
                    {account.endpointOverride ? (
                      <div className="small muted" title="Endpoint override">
                        via <span className="mono">{account.endpointOverride}</span>
                      </div>
                    ) : null}
                  </td>
                  <td>{PROVIDER_LABELS[account.provider]}</td>
                  <td className="small">{account.regions.join(", ") || <span className="muted">all</span>}</td>
                  <td>{account.connectionCount.toLocaleString("en")}</td>
                  <td>
                    <SyncCell account={account} />
                  </td>
                  <td>
                    <ErrorCell account={account} />
                    {tests[account.id] ? <TestResultView result={tests[account.id] as TestResult} /> : null}
                  </td>
                  <td>
                    <div className={styles.actions}>
                      {isAdmin ? (
                        <button
                          type="button"
                          className="button small secondary"
                          disabled={busy(test, account.id)}
                          onClick={() => {
                            setActionError(null);
                            test.mutate({ id: account.id });
                          }}
                        >
                          {busy(test, account.id) ? "Testing…" : "Test"}
                        </button>
                      ) : null}
                      {isOperator && !account.isPaused ? (
                        <button
                          type="button"
                          className="button small secondary"
                          disabled={busy(syncNow, account.id)}
                          onClick={() => {
                            setActionError(null);
                            syncNow.mutate({ id: account.id });
                          }}
                        >
                          Sync now
                        </button>
                      ) : null}
                      {isAdmin ? (
                        <>
                          <button
                            type="button"
                            className="button small secondary"
                            disabled={busy(setPaused, account.id)}
                            onClick={() => {
                              setActionError(null);
                              setPaused.mutate({ id: account.id, isPaused: !account.isPaused });
                            }}
                          >
                            {account.isPaused ? "Resume" : "Pause"}
                          </button>
                          <button
                            type="button"
                            className="button small secondary"
                            onClick={() => {
                              setNotice(null);
                              setForm({ mode: "edit", account });
                            }}
                          >
                            Edit
                          </button>
                          <ConfirmButton
                            disabled={busy(remove, account.id)}
                            beforeConfirm={() => setActionError(null)}
                            confirm={`Delete ${account.name}? Its ${account.connectionCount} connection(s), their tunnels, status history, logs and incidents are deleted with it. To stop polling but keep the history, pause it instead.`}
                            onConfirm={() => remove.mutate({ id: account.id })}
                          >
                            Delete
                          </ConfirmButton>
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </PagedTable>
          )
        }
      </QueryView>
    </>
  );
}

export default urlStatePage(AccountsInner);
