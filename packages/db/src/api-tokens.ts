// API tokens for integrations: random, shown once, stored as sha256, scoped and revocable.
import { generateToken, hashToken } from "./crypto.ts";
import type { PrismaClient } from "./generated/prisma/client.ts";

export const API_TOKEN_SCOPES = ["read", "write"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

const TOKEN_PREFIX = "tw";
// Shown in lists to tell tokens apart: "tw_" and the first characters of the random part.
const SHOWN_PREFIX_LENGTH = 10;

export interface CreatedApiToken {
  id: string;
  /** The secret: returned once, never stored. */
  token: string;
  prefix: string;
}

export async function createApiToken(
  prisma: PrismaClient,
  options: {
    tenantId: string;
    name: string;
    scopes: ApiTokenScope[];
    createdById?: string | null;
    expiresAt?: Date | null;
  },
): Promise<CreatedApiToken> {
  const token = generateToken(TOKEN_PREFIX);
  const prefix = token.slice(0, SHOWN_PREFIX_LENGTH);
  const record = await prisma.apiToken.create({
    data: {
      tenantId: options.tenantId,
      name: options.name,
      prefix,
      tokenHash: hashToken(token),
      scopes: [...new Set(options.scopes)],
      createdById: options.createdById ?? null,
      expiresAt: options.expiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: record.id, token, prefix };
}

export interface VerifiedApiToken {
  tokenId: string;
  tenantId: string;
  scopes: ApiTokenScope[];
}

/** The token's tenant and scopes, or null for an unknown, revoked or expired token. */
export async function verifyApiToken(
  prisma: PrismaClient,
  token: string,
  now = new Date(),
): Promise<VerifiedApiToken | null> {
  if (!token.startsWith(`${TOKEN_PREFIX}_`) || token.length > 200) return null;
  const record = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, tenantId: true, scopes: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  // Recorded at most once a minute per token: no write on every request.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: record.id, tenantId: record.tenantId, scopes: record.scopes as ApiTokenScope[] };
}
