// Alert rules: which events a rule takes, how events fold during its quiet period, and when a
// failed delivery is tried again. The worker applies these decisions; the rules are defined here.

export const ALERT_SEVERITIES = ["INFO", "MINOR", "MAJOR", "CRITICAL"] as const;
export type AlertSeverityName = (typeof ALERT_SEVERITIES)[number];

export interface AlertRuleScope {
  providers?: string[];
  cloudAccountIds?: string[];
  connectionIds?: string[];
  tags?: Record<string, string>;
}

export interface AlertRuleTerms {
  trigger: string;
  minSeverity: AlertSeverityName;
  scope: AlertRuleScope;
}

/** Alerts about a customer gateway: about no single connection, so rules for them take no scope. */
export const CUSTOMER_GATEWAY_TRIGGERS: readonly string[] = ["CUSTOMER_GATEWAY_DOWN", "CUSTOMER_GATEWAY_RECOVERED"];
export const isCustomerGatewayTrigger = (trigger: string) => CUSTOMER_GATEWAY_TRIGGERS.includes(trigger);

/** The connection an event is about, as the rule's scope sees it. */
export interface AlertSubject {
  provider: string;
  cloudAccountId: string;
  connectionId: string;
  tags: Record<string, string>;
}

const atLeast = (severity: AlertSeverityName, minimum: AlertSeverityName) =>
  ALERT_SEVERITIES.indexOf(severity) >= ALERT_SEVERITIES.indexOf(minimum);

/**
 * A rule takes an event of its trigger at or above its minimum severity whose connection is in
 * every restriction the scope names (any of the listed values; every listed tag). An event about
 * no connection matches only a rule without restrictions.
 */
export function ruleMatches(
  rule: AlertRuleTerms,
  event: { trigger: string; severity: AlertSeverityName },
  subject: AlertSubject | null,
): boolean {
  if (rule.trigger !== event.trigger || !atLeast(event.severity, rule.minSeverity)) return false;
  const { providers, cloudAccountIds, connectionIds, tags } = rule.scope;
  const isRestricted = Boolean(providers?.length || cloudAccountIds?.length || connectionIds?.length);
  const tagEntries = Object.entries(tags ?? {});
  if (!subject) return !isRestricted && tagEntries.length === 0;
  if (providers?.length && !providers.includes(subject.provider)) return false;
  if (cloudAccountIds?.length && !cloudAccountIds.includes(subject.cloudAccountId)) return false;
  if (connectionIds?.length && !connectionIds.includes(subject.connectionId)) return false;
  return tagEntries.every(([key, value]) => subject.tags[key] === value);
}

/** The latest delivery of a fold key (rule, channel, trigger, tunnel or connection). */
export interface LastDelivery {
  id: string;
  status: string;
  attempts: number;
  scheduledAt: Date;
}

export type FoldDecision =
  | { action: "send-now" }
  /** A quiet period is running: one delivery at its end carries every event until then. */
  | { action: "schedule"; at: Date }
  | { action: "fold"; deliveryId: string };

/**
 * The first event is sent at once and opens a quiet period; events during it fold into one
 * delivery sent when it ends, which opens the next period. A flapping tunnel therefore yields at
 * most one message per quiet period, each with the count of events it stands for.
 */
export function foldDecision(last: LastDelivery | null, now: Date, quietPeriodSec: number): FoldDecision {
  if (!last || quietPeriodSec <= 0) return { action: "send-now" };
  if (last.status === "PENDING" && last.attempts === 0 && last.scheduledAt > now) {
    return { action: "fold", deliveryId: last.id };
  }
  const periodEnds = new Date(last.scheduledAt.getTime() + quietPeriodSec * 1000);
  return periodEnds > now ? { action: "schedule", at: periodEnds } : { action: "send-now" };
}

export interface RetryPolicy {
  /** First retry delay; each next one doubles up to capMs. */
  baseMs: number;
  capMs: number;
  /** Retries stop this long after the delivery was first due. */
  windowMs: number;
}

/**
 * When to try a failed delivery again after `attempts` attempts, or null when the retry window
 * is over. `jitter` in [0, 1) spreads retries of many deliveries to one receiver by up to 20%.
 */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  scheduledAt: Date,
  policy: RetryPolicy,
  jitter = 0,
): Date | null {
  const deadline = scheduledAt.getTime() + policy.windowMs;
  if (now.getTime() >= deadline) return null;
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const delay = Math.min(policy.baseMs * 2 ** exponent, policy.capMs) * (1 + 0.2 * jitter);
  // The last try lands on the deadline rather than after it: the window is honoured in full.
  return new Date(Math.min(now.getTime() + delay, deadline));
}
