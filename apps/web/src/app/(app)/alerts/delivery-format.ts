// Words and numbers for alert deliveries: events, channel kinds, latencies, next attempts.

export const TRIGGER_WORDS: Record<string, string> = {
  TUNNEL_DOWN: "Tunnel down",
  REDUNDANCY_LOST: "Redundancy lost",
  INCIDENT_OPENED: "Incident opened",
  INCIDENT_RESOLVED: "Incident resolved",
  GRADE_DROPPED: "Grade dropped",
  MAINTENANCE_ANNOUNCED: "Maintenance announced",
  CUSTOMER_GATEWAY_DOWN: "Customer gateway down",
  CUSTOMER_GATEWAY_RECOVERED: "Customer gateway recovered",
  CONFIG_CHANGED: "Configuration changed",
};

export const CHANNEL_KIND_WORDS: Record<string, string> = {
  EMAIL: "email",
  WEBHOOK: "webhook",
  SLACK: "Slack webhook",
};

/** "84 ms", "1.2 s"; "–" when unknown. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** "now", "in 40 s", "in 3 min", "in 2 h" until `at`. */
export function timeUntil(at: Date, now = Date.now()): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  if (seconds <= 0) return "now";
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  return `in ${Math.round(seconds / 3600)} h`;
}
