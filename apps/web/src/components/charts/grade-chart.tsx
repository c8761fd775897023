"use client";
// Connections per HA grade (faults.md §3), best first; a click on a bar opens the connections of
// that grade.
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export const GRADE_COLORS: Record<string, string> = {
  A: "#1b873f",
  B: "#5aa84f",
  C: "#d4a106",
  D: "#e06c1f",
  F: "#c62828",
  UNGRADED: "#9aa5b1",
};

export function GradeChart({
  data,
  onSelect,
}: {
  data: ReadonlyArray<{ grade: string; count: number }>;
  onSelect?: (grade: string) => void;
}) {
  const rows = data.map((d) => ({ ...d, label: d.grade === "UNGRADED" ? "Not graded" : d.grade }));
  return (
    <div style={{ width: "100%", height: 220 }} role="img" aria-label="Connections per grade">
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tickLine={false} />
          <YAxis allowDecimals={false} tickLine={false} />
          <Tooltip formatter={(value) => [Number(value).toLocaleString("en"), "Connections"]} />
          <Bar
            dataKey="count"
            isAnimationActive={false}
            cursor={onSelect ? "pointer" : undefined}
            onClick={(entry) => {
              const item = entry as unknown as { grade?: string; payload?: { grade?: string } };
              const grade = item.grade ?? item.payload?.grade;
              if (onSelect && grade) onSelect(grade);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.grade} fill={GRADE_COLORS[row.grade] ?? "#1f6feb"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
