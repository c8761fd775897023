// The keyring that seals cloud credentials and webhook signing secrets: the same
// CREDENTIALS_KEYS / CREDENTIALS_ACTIVE_KEY_ID the worker opens them with. Read and validated
// once per process; a missing or bad variable gives one clear error naming it.
import { TRPCError } from "@trpc/server";
import { ConfigError, credentialsEnv, loadEnv } from "@tunnelwatch/config";
import { type Keyring, parseKeyring } from "@tunnelwatch/db";

let cached: Keyring | undefined;

export function credentialKeyring(): Keyring {
  if (cached) return cached;
  try {
    const env = loadEnv(credentialsEnv());
    cached = parseKeyring(env.CREDENTIALS_KEYS, env.CREDENTIALS_ACTIVE_KEY_ID);
    return cached;
  } catch (error) {
    const problems =
      error instanceof ConfigError ? error.problems.join("; ") : error instanceof Error ? error.message : String(error);
    throw new TRPCError({
      code: "INTERNAL_SERVER_ERROR",
      message: `Secrets cannot be encrypted or decrypted: the server's credential keys are not configured (${problems}). Set CREDENTIALS_KEYS and CREDENTIALS_ACTIVE_KEY_ID to the worker's values and restart.`,
    });
  }
}

/** Tests change the environment between suites. */
export function resetCredentialKeyring(): void {
  cached = undefined;
}
