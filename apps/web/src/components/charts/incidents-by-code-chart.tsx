"use client";
// Open incidents per fault or finding code, open and acknowledged stacked, most frequent first.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function IncidentsByCodeChart({
  data,
  onSelect,
}: {
  data: ReadonlyArray<{ code: string; open: number; acknowledged: number }>;
  onSelect?: (code: string) => void;
}) {
  const rows = data.slice(0, 12);
  const height = Math.max(140, 32 + rows.length * 28);
  const select = (entry: unknown) => {
    const item = entry as { code?: string; payload?: { code?: string } };
    const code = item.code ?? item.payload?.code;
    if (onSelect && code) onSelect(code);
  };
  return (
    <div style={{ width: "100%", height }} role="img" aria-label="Open incidents per code">
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="code" width={190} tick={{ fontSize: 11 }} tickLine={false} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="open"
            name="Open"
            stackId="s"
            fill="#c62828"
            isAnimationActive={false}
            cursor={onSelect ? "pointer" : undefined}
            onClick={select}
          />
          <Bar
            dataKey="acknowledged"
            name="Acknowledged"
            stackId="s"
            fill="#d4a106"
            isAnimationActive={false}
            cursor={onSelect ? "pointer" : undefined}
            onClick={select}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
