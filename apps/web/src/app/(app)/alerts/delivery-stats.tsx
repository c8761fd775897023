"use client";
// The last 24 hours of alert deliveries: per hour by outcome, with the delivery latency beside it.
import { useQuery } from "@tanstack/react-query";
import { AlertDeliveriesChart } from "~/components/charts/alert-deliveries-chart.tsx";
import { EmptyState, QueryView } from "~/components/ui.tsx";
import { type RouterOutputs, useTRPC } from "~/trpc/client.tsx";
import styles from "./alerts.module.css";
import { formatLatency } from "./delivery-format.ts";

type Stats = RouterOutputs["alerts"]["deliveryStats"];

const HOURS = 24;
const REFRESH_MS = 10_000;

function Figures({ stats }: { stats: Stats }) {
  const sum = (key: "delivered" | "retrying" | "failed") =>
    stats.hours.reduce((n, h) => n + h[key], 0).toLocaleString("en");
  return (
    <div className={styles.figures} data-testid="delivery-figures">
      <dl>
        <div title="Half of the alerts delivered in the last 24 hours took at most this long">
          <dt>Latency p50</dt>
          <dd>{formatLatency(stats.latencyP50Ms)}</dd>
        </div>
        <div title="95 % of the alerts delivered in the last 24 hours took at most this long">
          <dt>Latency p95</dt>
          <dd>{formatLatency(stats.latencyP95Ms)}</dd>
        </div>
      </dl>
      <p className="small muted">
        {sum("delivered")} delivered, {sum("retrying")} retrying, {sum("failed")} failed
      </p>
    </div>
  );
}

export function DeliveryStats() {
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.alerts.deliveryStats.queryOptions({ hours: HOURS }), refetchInterval: REFRESH_MS });
  return (
    <section className="panel" aria-labelledby="delivery-stats-heading">
      <h2 id="delivery-stats-heading">Deliveries, last 24 hours</h2>
      <QueryView query={stats} loadingLabel="Loading delivery figures…">
        {(data) =>
          data.hours.every((h) => h.delivered + h.retrying + h.failed === 0) ? (
            <EmptyState title="No deliveries in the last 24 hours">
              Each alert a rule sends to a channel is counted here, hour by hour.
            </EmptyState>
          ) : (
            <div className={styles.stats}>
              <AlertDeliveriesChart data={data.hours} />
              <Figures stats={data} />
            </div>
          )
        }
      </QueryView>
    </section>
  );
}
