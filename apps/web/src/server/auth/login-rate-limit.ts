import type { Redis } from "ioredis";

// Failed sign-ins allowed per email address and per client address in one window. The limit
// applies whether or not the account exists, so it reveals nothing about which emails are real.
export const LOGIN_LIMITS = { perEmail: 5, perClient: 30, windowSec: 15 * 60 } as const;

export class LoginRateLimited extends Error {
  constructor(readonly retryAfterSec: number) {
    super(`Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSec / 60)} minutes.`);
  }
}

function keys(prefix: string, email: string, client: string) {
  return {
    email: `${prefix}:login-fail:email:${email.toLowerCase()}`,
    client: `${prefix}:login-fail:client:${client}`,
  };
}

/** Throws LoginRateLimited when either counter is at its limit. */
export async function assertLoginAllowed(redis: Redis, prefix: string, email: string, client: string): Promise<void> {
  const k = keys(prefix, email, client);
  const [emailFailures, clientFailures] = (await redis.mget(k.email, k.client)).map((v) => Number(v ?? 0));
  if ((emailFailures ?? 0) >= LOGIN_LIMITS.perEmail || (clientFailures ?? 0) >= LOGIN_LIMITS.perClient) {
    const ttl = Math.max(await redis.ttl(k.email), await redis.ttl(k.client), 1);
    throw new LoginRateLimited(ttl);
  }
}

export async function recordLoginFailure(redis: Redis, prefix: string, email: string, client: string): Promise<void> {
  const k = keys(prefix, email, client);
  await redis
    .multi()
    .incr(k.email)
    .expire(k.email, LOGIN_LIMITS.windowSec, "NX")
    .incr(k.client)
    .expire(k.client, LOGIN_LIMITS.windowSec, "NX")
    .exec();
}

export async function clearLoginFailures(redis: Redis, prefix: string, email: string): Promise<void> {
  await redis.del(keys(prefix, email, "").email);
}
