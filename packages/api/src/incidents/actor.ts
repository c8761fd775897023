// Who did what on an incident. IncidentActivity links a person (actorUserId); an API token has
// no person, so an activity written through a token carries the token's name at the start of
// its body, in a fixed form that the timeline reads back. Activities with neither were written
// by Tunnelwatch itself (the worker opening, folding or resolving on recovery).
import type { TenantContext } from "../trpc.ts";

const TOKEN_PREFIX = /^\[API token: ([^\]\n]{1,120})\] ?/;

export type ActivityActor =
  | { kind: "user"; id: string; name: string }
  | { kind: "token"; name: string }
  | { kind: "system"; name: "Tunnelwatch" };

/** The name of the API token acting, or null when a person acts. */
export async function tokenName(ctx: Pick<TenantContext, "db" | "actor">): Promise<string | null> {
  if (!ctx.actor.tokenId) return null;
  const token = await ctx.db.apiToken.findFirst({
    where: { id: ctx.actor.tokenId },
    select: { name: true, prefix: true },
  });
  return token ? `${token.name} (${token.prefix}…)`.replace(/[\]\n]/g, " ") : "unknown token";
}

/** The body to store for an activity: the token's name first when a token acts. */
export function activityBody(token: string | null, body: string | null): string | null {
  if (token === null) return body;
  return `[API token: ${token}]${body ? ` ${body}` : ""}`;
}

/** Reads an activity's actor and its body as written (without the token marker). */
export function readActivity(row: {
  actorUserId: string | null;
  body: string | null;
  actor: { name: string | null; email: string } | null;
}): { actor: ActivityActor; body: string | null } {
  if (row.actorUserId) {
    return {
      actor: { kind: "user", id: row.actorUserId, name: row.actor?.name || row.actor?.email || "a former member" },
      body: row.body,
    };
  }
  const match = row.body ? TOKEN_PREFIX.exec(row.body) : null;
  if (match?.[1] && row.body) {
    const rest = row.body.slice(match[0].length);
    return { actor: { kind: "token", name: `API token ${match[1]}` }, body: rest.length > 0 ? rest : null };
  }
  return { actor: { kind: "system", name: "Tunnelwatch" }, body: row.body };
}
