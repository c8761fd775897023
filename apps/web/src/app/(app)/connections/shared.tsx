"use client";
// Small pieces the connections table and the connection page share.

export const PROVIDER_LABEL: Record<string, string> = {
  AWS: "AWS",
  ALIBABA: "Alibaba Cloud",
  MULESOFT: "MuleSoft",
};

const CRITICALITY_CLASS: Record<string, string> = { CRITICAL: "bad", HIGH: "warn", NORMAL: "", LOW: "" };

export function CriticalityBadge({ criticality }: { criticality: string }) {
  return <span className={`badge ${CRITICALITY_CLASS[criticality] ?? ""}`}>{criticality.toLowerCase()}</span>;
}

/** "2/2" in green when every tunnel is up, amber when some are, red when none is. */
export function TunnelsBadge({ up, total }: { up: number; total: number }) {
  const tone = total === 0 ? "" : up === total ? "ok" : up === 0 ? "bad" : "warn";
  const title =
    total === 0
      ? "No tunnels"
      : up === total
        ? "Every tunnel is up"
        : up === 0
          ? "No tunnel is up"
          : `${total - up} of ${total} tunnels not up: redundancy lost`;
  return (
    <span className={`badge ${tone}`} title={title}>
      {up}/{total}
    </span>
  );
}

export function formatTime(at: Date | string | null | undefined, withSeconds = false): string {
  if (!at) return "–";
  const date = typeof at === "string" ? new Date(at) : at;
  return date.toLocaleString("en-GB", {
    month: "short",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(withSeconds ? { second: "2-digit" } : {}),
    hour12: false,
  });
}

/** ✓, ✗ or – for a parameter check. */
export function CheckMark({ ok }: { ok: boolean | null }) {
  if (ok === null)
    return (
      <span className="muted" title="Not reported, or nothing to compare with">
        –
      </span>
    );
  return ok ? (
    <span className="badge ok" title="Matches the recommendation">
      ✓ ok
    </span>
  ) : (
    <span className="badge bad" title="Differs from the recommendation">
      ✗ differs
    </span>
  );
}
