"use client";
// One tunnel's status over a time range: a step line from the recorded transitions (UP = 1,
// UNKNOWN = ½, DOWN = 0) over the share of status samples that found it UP in each bucket, with
// the time it was down shaded red and unknown grey, so that an outage shows at a glance.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { timeTickLabel, timeTicks } from "./time-axis.ts";

type Status = "UP" | "DOWN" | "UNKNOWN";

export interface TimelineTunnelData {
  index: number;
  status: Status;
  statusAtStart: Status | null;
  transitions: ReadonlyArray<{ at: Date; from: Status | null; to: Status; message: string | null }>;
  samples: ReadonlyArray<{ at: Date; up: number; total: number }>;
}

const LEVEL: Record<Status, number> = { UP: 1, UNKNOWN: 0.5, DOWN: 0 };
const LABEL: Record<number, string> = { 1: "UP", 0.5: "UNKNOWN", 0: "DOWN" };

/** The status steps across [from, to]; a tunnel without a transition in the range held its status throughout. */
export function statusSteps(tunnel: TimelineTunnelData, from: Date, to: Date) {
  const first = tunnel.transitions[0];
  const initial: Status | null =
    tunnel.statusAtStart ?? first?.from ?? (tunnel.transitions.length === 0 ? tunnel.status : null);
  const points: Array<{ at: number; level: number | null; message?: string | null }> = [
    { at: from.getTime(), level: initial === null ? null : LEVEL[initial] },
  ];
  for (const t of tunnel.transitions) points.push({ at: t.at.getTime(), level: LEVEL[t.to], message: t.message });
  const last = tunnel.transitions.at(-1)?.to ?? initial;
  points.push({ at: to.getTime(), level: last === null ? null : LEVEL[last] });
  return points;
}

const SHADE: Partial<Record<number, string>> = { 0: "#d1242f", 0.5: "#8c959f" };

const timeLabel = (ms: number) =>
  new Date(ms).toLocaleString("en-GB", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });

export function StatusTimelineChart({ tunnel, from, to }: { tunnel: TimelineTunnelData; from: Date; to: Date }) {
  const steps = statusSteps(tunnel, from, to);
  const samples = tunnel.samples.map((s) => ({
    at: s.at.getTime(),
    sampled: s.total > 0 ? Math.round((s.up / s.total) * 1000) / 1000 : null,
  }));
  const spanMs = to.getTime() - from.getTime();
  const shaded = steps.slice(0, -1).flatMap((step, i) => {
    const fill = step.level === null ? undefined : SHADE[step.level];
    const end = steps[i + 1]?.at ?? step.at;
    return fill && end > step.at ? [{ from: step.at, to: end, fill }] : [];
  });
  return (
    <div
      style={{ width: "100%", height: 130 }}
      role="img"
      aria-label={`Status timeline of tunnel ${tunnel.index}: ${tunnel.transitions.length} changes in the range`}
    >
      <ResponsiveContainer>
        <ComposedChart margin={{ top: 6, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={[from.getTime(), to.getTime()]}
            ticks={timeTicks(from.getTime(), to.getTime())}
            tickFormatter={(ms: number) => timeTickLabel(ms, spanMs)}
            tickLine={false}
            minTickGap={24}
          />
          {/* Room above UP and below DOWN, so that neither level is drawn on the chart's edge. */}
          <YAxis
            domain={[-0.15, 1.15]}
            ticks={[0, 0.5, 1]}
            tickFormatter={(v: number) => LABEL[v] ?? ""}
            tick={{ fontSize: 11 }}
            width={76}
            tickLine={false}
          />
          <Tooltip
            labelFormatter={(ms) => timeLabel(Number(ms))}
            formatter={(value, name) =>
              name === "status"
                ? [LABEL[Number(value)] ?? "no data", "Status"]
                : [value === null ? "no samples" : `${Math.round(Number(value) * 100)}% UP`, "Samples"]
            }
          />
          {shaded.map((band) => (
            <ReferenceArea
              key={band.from}
              x1={band.from}
              x2={band.to}
              fill={band.fill}
              fillOpacity={0.12}
              stroke="none"
              ifOverflow="hidden"
            />
          ))}
          <Area
            data={samples}
            dataKey="sampled"
            name="samples"
            type="stepAfter"
            stroke="none"
            fill="#1b873f"
            fillOpacity={0.15}
            isAnimationActive={false}
          />
          <Line
            data={steps}
            dataKey="level"
            name="status"
            type="stepAfter"
            stroke="#1f6feb"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
