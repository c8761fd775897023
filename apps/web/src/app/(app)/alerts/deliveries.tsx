"use client";
// The delivery log: every alert a rule sent (or is still trying to send) to a channel, newest
// first, filtered by outcome and channel (in the URL), paged on the server, refreshed every 10 s.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDate, SectionHeader } from "~/components/admin-ui.tsx";
import { FormError } from "~/components/forms.tsx";
import { PagedTable } from "~/components/table.tsx";
import { EmptyState, QueryView, SeverityBadge, TimeAgo } from "~/components/ui.tsx";
import { useUrlState } from "~/components/use-url-state.ts";
import { errorMessage, type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import styles from "./alerts.module.css";
import { CHANNEL_KIND_WORDS, formatLatency, TRIGGER_WORDS, timeUntil } from "./delivery-format.ts";

type DeliveryPage = RouterOutputs["alerts"]["listDeliveries"];
type Delivery = DeliveryPage["items"][number];
type DeliveryStatus = Delivery["status"];

const PAGE_SIZE = 25;
const REFRESH_MS = 10_000;
const FILTER_DEFAULTS = { status: "", channel: "", page: "1" };

const STATUS_CHIPS: Array<{ value: DeliveryStatus | ""; label: string }> = [
  { value: "", label: "All" },
  { value: "DELIVERED", label: "Delivered" },
  { value: "PENDING", label: "Pending" },
  { value: "SENDING", label: "Sending" },
  { value: "FAILED", label: "Failed" },
  { value: "SUPPRESSED", label: "Suppressed" },
];

const isStatus = (value: string): value is DeliveryStatus => STATUS_CHIPS.some((c) => c.value && c.value === value);

/** "retrying" once a first attempt failed; a delivery waiting out a quiet period is "scheduled". */
function DeliveryStatusBadge({ delivery }: { delivery: Delivery }) {
  const { status, attempts } = delivery;
  const [label, tone] =
    status === "DELIVERED"
      ? ["delivered", "ok"]
      : status === "FAILED"
        ? ["failed", "bad"]
        : status === "SUPPRESSED"
          ? ["suppressed", ""]
          : status === "SENDING"
            ? ["sending", "warn"]
            : attempts > 0
              ? ["retrying", "warn"]
              : ["pending", ""];
  return <span className={`badge ${tone}`}>{label}</span>;
}

function StatusChips({
  counts,
  selected,
  onSelect,
}: {
  counts: DeliveryPage["counts"];
  selected: string;
  onSelect: (status: string) => void;
}) {
  const all = Object.values(counts).reduce((n, c) => n + c, 0);
  return (
    <fieldset className={styles.chips}>
      <legend className="sr-only">Delivery status</legend>
      {STATUS_CHIPS.map((chip) => (
        <button
          key={chip.value || "all"}
          type="button"
          className={`button small ${chip.value === selected ? "" : "secondary"}`}
          aria-pressed={chip.value === selected}
          onClick={() => onSelect(chip.value)}
        >
          {chip.label}
          <span className={styles.chipCount}>{(chip.value ? counts[chip.value] : all).toLocaleString("en")}</span>
        </button>
      ))}
    </fieldset>
  );
}

function ChannelFilter({ value, onChange }: { value: string; onChange: (channelId: string) => void }) {
  const trpc = useTRPC();
  const channels = useQuery(trpc.alerts.listChannels.queryOptions({ pageSize: 200 }));
  return (
    <label className={styles.channelFilter}>
      <span className="sr-only">Channel</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All channels</option>
        {channels.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The event in words, with its severity, code and tunnel, linking to its incident or connection. */
function DeliveryEvent({ delivery }: { delivery: Delivery }) {
  const words = TRIGGER_WORDS[delivery.trigger] ?? delivery.trigger;
  const href = delivery.incidentId
    ? `/incidents/${delivery.incidentId}`
    : delivery.connectionId
      ? `/connections/${delivery.connectionId}`
      : null;
  return (
    <div className={styles.event}>
      {href ? <Link href={href}>{words}</Link> : <span>{words}</span>}
      <div className={styles.eventFacts}>
        <SeverityBadge severity={delivery.severity} />
        {delivery.code ? (
          <span className="badge mono" title={delivery.code}>
            {delivery.code}
          </span>
        ) : null}
        {delivery.tunnelIndex !== null ? <span className="small muted">tunnel {delivery.tunnelIndex}</span> : null}
      </div>
    </div>
  );
}

/** Response code and latency of the last attempt: "HTTP 200 in 84 ms", "SMTP 250 in 40 ms". */
function DeliveryResponse({ delivery }: { delivery: Delivery }) {
  if (delivery.responseCode === null && delivery.latencyMs === null) return <span className="muted">–</span>;
  const protocol = delivery.channel.kind === "EMAIL" ? "SMTP" : "HTTP";
  return (
    <span className={styles.nowrap}>
      {delivery.responseCode === null ? "no response" : `${protocol} ${delivery.responseCode}`}
      {delivery.latencyMs === null ? null : <span className="muted"> in {formatLatency(delivery.latencyMs)}</span>}
    </span>
  );
}

/**
 * When a pending delivery goes out (a first one can wait out the rule's quiet period, folding the
 * repeats) and the last error, cut short with the full text on hover.
 */
function DeliveryDetails({ delivery }: { delivery: Delivery }) {
  const next = delivery.status === "PENDING" ? (delivery.nextAttemptAt ?? delivery.scheduledAt) : null;
  if (!next && !delivery.error) return <span className="muted">–</span>;
  return (
    <>
      {next ? (
        <div className={styles.nowrap}>
          {delivery.attempts > 0 ? "Next attempt" : "Sends"} <time title={formatDate(next)}>{timeUntil(next)}</time>
        </div>
      ) : null}
      {delivery.error ? (
        // A suppressed delivery's text says why it was not sent (a customer gateway's alert stood for
        // it, a disabled channel): not a failure.
        <span
          className={`small ${delivery.status === "SUPPRESSED" ? styles.note : styles.error}`}
          title={delivery.error}
        >
          {delivery.error}
        </span>
      ) : null}
    </>
  );
}

function DeliveryRow({
  delivery,
  canRetry,
  retrying,
  onRetry,
}: {
  delivery: Delivery;
  canRetry: boolean;
  retrying: boolean;
  onRetry: () => void;
}) {
  const retryable = delivery.status === "FAILED" || delivery.status === "SUPPRESSED";
  return (
    <tr data-testid="delivery-row" data-status={delivery.status}>
      <td className={styles.nowrap}>
        <TimeAgo at={delivery.occurredAt} />
      </td>
      <td>
        <DeliveryEvent delivery={delivery} />
      </td>
      <td>
        {delivery.channel.name}
        <div className="small muted">{CHANNEL_KIND_WORDS[delivery.channel.kind] ?? delivery.channel.kind}</div>
      </td>
      <td className="small">{delivery.rule ? delivery.rule.name : <span className="muted">deleted rule</span>}</td>
      <td>
        <DeliveryStatusBadge delivery={delivery} />
      </td>
      <td>{delivery.attempts}</td>
      <td className="small">
        <DeliveryResponse delivery={delivery} />
      </td>
      <td className={`small ${styles.nowrap}`}>
        {delivery.foldedCount > 1 ? (
          <span title="Repeats within the rule's quiet period, sent as this one alert">
            {delivery.foldedCount.toLocaleString("en")} events
          </span>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
      <td className="small">
        <DeliveryDetails delivery={delivery} />
      </td>
      {canRetry ? (
        <td>
          {retryable ? (
            <button type="button" className="button small secondary" disabled={retrying} onClick={onRetry}>
              {retrying ? "Sending…" : delivery.status === "SUPPRESSED" ? "Send" : "Retry"}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}

export function DeliveryLog({ canRetry, canManage }: { canRetry: boolean; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useUrlState(FILTER_DEFAULTS);
  const [error, setError] = useState<string | null>(null);
  const status = isStatus(filters.status) ? filters.status : undefined;
  const page = Math.max(1, Number.parseInt(filters.page, 10) || 1);
  const deliveries = useQuery({
    ...trpc.alerts.listDeliveries.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      ...(status ? { status } : {}),
      ...(filters.channel ? { channelId: filters.channel } : {}),
    }),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const retry = useMutation(
    trpc.alerts.retryDelivery.mutationOptions({
      onMutate: () => setError(null),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.alerts.pathKey() }),
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  const isFiltered = Boolean(status || filters.channel);

  return (
    <section className="panel" aria-labelledby="deliveries-heading">
      <SectionHeader id="deliveries-heading" title="Delivery log" />
      <FormError message={error} />
      <QueryView query={deliveries} loadingLabel="Loading deliveries…">
        {(data) => (
          <>
            <div className={styles.filterBar}>
              <StatusChips counts={data.counts} selected={status ?? ""} onSelect={(s) => setFilters({ status: s })} />
              <ChannelFilter value={filters.channel} onChange={(channel) => setFilters({ channel })} />
            </div>
            {data.items.length === 0 ? (
              isFiltered ? (
                <EmptyState title="No deliveries match these filters">
                  Choose another status or channel, or All.
                </EmptyState>
              ) : (
                <EmptyState title="No alerts sent yet">
                  {canManage
                    ? "Alerts appear here as rules send them. Add a rule above, and use Send test on a channel to check it reaches its destination."
                    : "Alerts appear here as rules send them; an admin sets up the rules and channels."}
                </EmptyState>
              )
            ) : (
              <PagedTable
                columns={[
                  "When",
                  "Event",
                  "Channel",
                  "Rule",
                  "Status",
                  "Attempts",
                  "Response",
                  "Folded",
                  "Next attempt / error",
                ]}
                actions={canRetry}
                page={data}
                onPage={(p) => setFilters({ page: String(p) })}
              >
                {data.items.map((delivery) => (
                  <DeliveryRow
                    key={delivery.id}
                    delivery={delivery}
                    canRetry={canRetry}
                    retrying={retry.isPending && retry.variables?.id === delivery.id}
                    onRetry={() => retry.mutate({ id: delivery.id })}
                  />
                ))}
              </PagedTable>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}
