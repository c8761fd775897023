"use client";
// Fleet uptime per hour: the share of status samples that found a tunnel UP.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { isolatedIndexes, timeTickLabel, timeTicks } from "./time-axis.ts";

const hourLabel = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false });

export function UptimeChart({
  data,
}: {
  data: ReadonlyArray<{ hour: Date; uptimePct: number | null; upSamples: number; downSamples: number }>;
}) {
  const rows = data.map((d) => ({ at: d.hour.getTime(), uptimePct: d.uptimePct, down: d.downSamples }));
  const known = rows.map((r) => r.uptimePct).filter((v): v is number => v !== null);
  const first = rows[0]?.at ?? 0;
  const last = rows.at(-1)?.at ?? 0;
  const isolated = isolatedIndexes(rows.map((r) => r.uptimePct));
  // Zoom in on the range the fleet actually moves in, but never above 100 %.
  const low = known.length > 0 ? Math.max(0, Math.floor(Math.min(...known) - 1)) : 0;
  if (known.length === 0) {
    return (
      <p className="muted small">
        No status samples yet: the first hourly figure appears once the tunnels have been polled for an hour.
      </p>
    );
  }
  return (
    <div style={{ width: "100%", height: 240 }} role="img" aria-label="Fleet uptime per hour over the last 7 days">
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <defs>
            <linearGradient id="uptime-fill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#1b873f" stopOpacity={0.35} />
              <stop offset="100%" stopColor="#1b873f" stopOpacity={0.05} />
            </linearGradient>
          </defs>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            ticks={timeTicks(first, last)}
            tickFormatter={(ms: number) => timeTickLabel(ms, last - first)}
            tickLine={false}
            minTickGap={24}
          />
          <YAxis
            domain={[low, 100]}
            tickFormatter={(v: number) => `${Number(v.toFixed(2))}%`}
            tick={{ fontSize: 11 }}
            tickLine={false}
            width={64}
          />
          <Tooltip
            labelFormatter={(ms) => hourLabel(Number(ms))}
            formatter={(value, name) =>
              name === "uptimePct" ? [value === null ? "no samples" : `${value}%`, "Uptime"] : [value, name]
            }
          />
          <Area
            type="monotone"
            dataKey="uptimePct"
            stroke="#1b873f"
            fill="url(#uptime-fill)"
            connectNulls={false}
            dot={(props: { cx?: number; cy?: number; index?: number }) =>
              isolated.has(props.index ?? -1) && props.cx !== undefined && props.cy !== undefined ? (
                <circle key={props.index} cx={props.cx} cy={props.cy} r={3} fill="#1b873f" />
              ) : (
                <g key={props.index} />
              )
            }
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
