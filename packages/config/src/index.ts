// Environment presets and validation. Every process builds one zod schema from these
// presets and calls loadEnv() at start-up; nothing else in the code base reads process.env.
import { z } from "zod";

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable and its format.`,
    );
    this.name = "ConfigError";
    this.problems = problems;
  }
}

type Shape = Record<string, z.ZodType>;

/** Validates `source` against the merged presets; throws a ConfigError naming each bad variable. */
export function loadEnv<S extends Shape>(
  shape: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<S>> {
  // Empty strings count as unset, as they do in most .env tooling.
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = source[key];
    if (value !== undefined && value !== "") cleaned[key] = value;
  }
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "(environment)");
    const isMissing = issue.code === "invalid_type" && cleaned[name] === undefined;
    return isMissing ? `${name} is required but not set` : `${name}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** Runs loadEnv and, on a bad configuration, prints the problems and exits with status 78 (EX_CONFIG). */
export function loadEnvOrExit<S extends Shape>(shape: S, processName: string): z.infer<z.ZodObject<S>> {
  try {
    return loadEnv(shape);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${processName}: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
}

const postgresUrl = z.string().refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// URL");
const redisUrl = z.string().refine((v) => /^rediss?:\/\//.test(v), "must be a redis:// or rediss:// URL");
const port = z.coerce.number().int().min(1).max(65535);
const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const dbEnv = () => ({
  DATABASE_URL: postgresUrl,
});

export const redisEnv = () => ({
  REDIS_URL: redisUrl.default("redis://127.0.0.1:6379"),
  // Namespace for every queue key, so several deployments (or test runs) can share one Redis.
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only")
    .default("tunnelwatch"),
});

// Keys for encrypting cloud credentials and webhook secrets: "id:base64key" pairs separated by
// commas; the active one encrypts, every listed one decrypts (key rotation).
export const credentialsEnv = () => ({
  CREDENTIALS_KEYS: z.string().refine(
    (v) =>
      v.split(",").every((pair) => {
        const [id, key] = pair.trim().split(":");
        return Boolean(id) && Boolean(key) && Buffer.from(key ?? "", "base64").length === 32;
      }),
    'must be comma-separated "id:base64" pairs, each key 32 bytes (openssl rand -base64 32)',
  ),
  CREDENTIALS_ACTIVE_KEY_ID: z.string().min(1),
});

/** Hosts the server may call although they are private, loopback or link-local (comma-separated, "host" or "host:port"). */
export const outboundEnv = () => ({
  PRIVATE_HOSTS_ALLOWED: z.string().optional(),
});

/** Alert delivery (worker) and the channel test button (web). */
export const alertsEnv = () => ({
  ...outboundEnv(),
  // smtp://user:password@host:587 or smtps://host:465; email channels fail with a clear error without it.
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  ALERT_EMAIL_FROM: z.string().min(3).default("Tunnelwatch <alerts@localhost>"),
  // Links in alerts point here: the URL people use to reach the dashboard.
  APP_URL: z.url().default("http://localhost:3000"),
  // Deliveries per organisation per minute; the rest wait for the next minute.
  ALERT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  // An alert about a connection whose customer gateway has another connection down waits this long
  // for the gateway's own alert, which then stands for it on the channels that take both (0: no wait).
  ALERT_GATEWAY_HOLD_SEC: z.coerce.number().int().min(0).max(900).default(60),
  // A delivery that keeps failing is retried with exponential backoff for this long, then marked failed.
  ALERT_RETRY_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(24),
  // First retry delay; each next one doubles, up to an hour.
  ALERT_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
  ALERT_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});

export type AlertsEnv = z.infer<z.ZodObject<ReturnType<typeof alertsEnv>>>;

export const webEnv = () => ({
  ...dbEnv(),
  ...redisEnv(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  NEXTAUTH_URL: z.url().default("http://localhost:3000"),
  ...credentialsEnv(),
  ...alertsEnv(),
});

export const workerEnv = () => ({
  ...dbEnv(),
  ...redisEnv(),
  ...credentialsEnv(),
  ...alertsEnv(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  WORKER_HEALTH_PORT: port.optional(),
});

export const envParsers = { postgresUrl, redisUrl, port, bool };
