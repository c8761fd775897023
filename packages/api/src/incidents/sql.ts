// Small pieces for the few raw SQL aggregates of the API. Raw SQL is not tenant-scoped by
// tenantDb: every query built here names the tenant itself.
import { Prisma } from "@tunnelwatch/db";

/**
 * A JavaScript time as the database stores it: Prisma's DateTime columns are `timestamp(3)`
 * without time zone, in UTC.
 */
export function sqlTime(at: Date): Prisma.Sql {
  return Prisma.sql`(${at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/**
 * Text for Prisma's `contains`/`startsWith`, which pass LIKE wildcards through: a search for
 * "100%" or "tunnel_1" matches those characters literally.
 */
export function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
