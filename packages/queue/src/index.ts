export { checkRedis, createRedis, type RedisHealth, whenReady } from "./connection.ts";
export {
  DEFAULT_JOB_OPTIONS,
  InvalidJobPayloadError,
  type JobName,
  type JobPayload,
  jobSchemas,
  MAX_PUSHED_LINES,
  parseJob,
  QUEUE_NAMES,
  type QueueName,
} from "./contracts.ts";
