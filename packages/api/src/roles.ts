import type { Role } from "@tunnelwatch/db";

/** Roles from least to most privileged: each can do everything the ones before it can. */
export const ROLES: readonly Role[] = ["VIEWER", "OPERATOR", "ADMIN", "OWNER"];

export function hasRole(actual: Role, needed: Role): boolean {
  return ROLES.indexOf(actual) >= ROLES.indexOf(needed);
}

/**
 * What an API token may do: `read` acts as a viewer, `write` as an operator (acknowledge,
 * comment, remediate, resolve). Administration (members, tokens, accounts) needs a person.
 */
export function roleOfTokenScopes(scopes: readonly string[]): Role {
  return scopes.includes("write") ? "OPERATOR" : "VIEWER";
}
