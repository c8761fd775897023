"use client";
// Fleet uptime per hour: the share of status samples that found a tunnel UP.
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const hourLabel = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", { weekday: "short", hour: "2-digit", minute: "2-digit", hour12: false });

/** One tick a day, at local midnight, so each day is labelled once. */
function midnightsBetween(from: number | undefined, to: number | undefined): number[] {
  if (from === undefined || to === undefined) return [];
  const ticks: number[] = [];
  const day = new Date(from);
  day.setHours(24, 0, 0, 0);
  for (; day.getTime() <= to; day.setDate(day.getDate() + 1)) ticks.push(day.getTime());
  return ticks;
}

export function UptimeChart({
  data,
}: {
  data: ReadonlyArray<{ hour: Date; uptimePct: number | null; upSamples: number; downSamples: number }>;
}) {
  const rows = data.map((d) => ({ at: d.hour.getTime(), uptimePct: d.uptimePct, down: d.downSamples }));
  const known = rows.map((r) => r.uptimePct).filter((v): v is number => v !== null);
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
            ticks={midnightsBetween(rows[0]?.at, rows.at(-1)?.at)}
            tickFormatter={(ms: number) =>
              new Date(ms).toLocaleDateString("en-GB", { weekday: "short", day: "numeric" })
            }
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
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
