"use client";
// Alert deliveries per hour, delivered / retrying / failed stacked.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const hourLabel = (ms: number) => new Date(ms).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

const hourRange = (ms: number) => `${hourLabel(ms)}–${hourLabel(ms + 3_600_000)}`;

/** Legend and tooltip list the outcomes in stacking order, not alphabetically. */
const OUTCOMES = ["delivered", "retrying", "failed"];
const byOutcome = (item: { dataKey?: unknown }) => OUTCOMES.indexOf(String(item.dataKey));

export function AlertDeliveriesChart({
  data,
}: {
  data: ReadonlyArray<{ hour: Date; delivered: number; retrying: number; failed: number }>;
}) {
  const rows = data.map((d) => ({
    at: d.hour.getTime(),
    delivered: d.delivered,
    retrying: d.retrying,
    failed: d.failed,
  }));
  return (
    <div style={{ width: "100%", height: 220 }} role="img" aria-label="Alert deliveries per hour by outcome">
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="at" tickFormatter={hourLabel} tick={{ fontSize: 11 }} tickLine={false} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} width={36} />
          <Tooltip labelFormatter={(ms) => hourRange(Number(ms))} itemSorter={byOutcome} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={byOutcome} />
          <Bar dataKey="delivered" name="Delivered" stackId="s" fill="#1b873f" isAnimationActive={false} />
          <Bar dataKey="retrying" name="Retrying" stackId="s" fill="#d4a106" isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="s" fill="#c62828" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
