// The alerts queue: dispatch the outbox into deliveries, attempt deliveries, sweep for lost ones.
import type { AlertsEnv } from "@tunnelwatch/config";
import { QUEUE_NAMES } from "@tunnelwatch/queue";
import type { Job, Queue } from "bullmq";
import { jobPayload } from "../job-payload.ts";
import { type AlertSettings, createDeliverer, type DeliveryDeps } from "./deliver.ts";
import { dispatchAlerts } from "./dispatch.ts";

export type { AlertSettings } from "./deliver.ts";
export { dispatchAlerts } from "./dispatch.ts";

const HOUR_MS = 3_600_000;

export function alertSettings(env: AlertsEnv): AlertSettings {
  return {
    smtpUrl: env.SMTP_URL,
    emailFrom: env.ALERT_EMAIL_FROM,
    appUrl: env.APP_URL,
    ratePerMinute: env.ALERT_RATE_LIMIT_PER_MINUTE,
    gatewayHoldMs: env.ALERT_GATEWAY_HOLD_SEC * 1000,
    retry: { baseMs: env.ALERT_BACKOFF_BASE_MS, capMs: HOUR_MS, windowMs: env.ALERT_RETRY_HOURS * HOUR_MS },
    httpTimeoutMs: env.ALERT_HTTP_TIMEOUT_MS,
    allowList: env.PRIVATE_HOSTS_ALLOWED,
  };
}

export function alertsProcessor(deps: DeliveryDeps & { queue: Queue }) {
  const deliverer = createDeliverer(deps);
  const enqueue = (deliveryId: string, at: Date, tag: string) =>
    deps.queue.add(
      "deliver",
      { deliveryId },
      // One job per delivery and due time: a re-dispatch or a second sweep does not duplicate it.
      { jobId: `deliver-${deliveryId}-${tag}`, delay: Math.max(0, at.getTime() - Date.now()) },
    );

  async function processor(job: Job) {
    switch (job.name) {
      case "dispatch": {
        jobPayload(QUEUE_NAMES.alerts, job);
        const result = await dispatchAlerts(deps.prisma, deps.now(), { gatewayHoldMs: deps.settings.gatewayHoldMs });
        for (const due of result.due) await enqueue(due.id, due.at, String(due.at.getTime()));
        return { events: result.events, deliveries: result.due.length, folded: result.folded };
      }
      case "deliver": {
        const { deliveryId } = jobPayload(QUEUE_NAMES.alerts, job) as { deliveryId: string };
        const result = await deliverer.attempt(deliveryId);
        if (result.outcome === "retry" || result.outcome === "rate-limited") {
          await enqueue(deliveryId, result.retryAt, String(result.retryAt.getTime()));
        }
        return result;
      }
      case "sweep": {
        jobPayload(QUEUE_NAMES.alerts, job);
        const ids = await deliverer.dueDeliveries();
        const sweptAt = Date.now();
        for (const id of ids) await enqueue(id, new Date(sweptAt), `sweep-${sweptAt}`);
        return { requeued: ids.length };
      }
      default:
        jobPayload(QUEUE_NAMES.alerts, job);
        return undefined;
    }
  }

  return { processor, close: () => deliverer.close() };
}
