import { ConfigError } from "@tunnelwatch/config";
import { env } from "./env.ts";

/** A bad environment stops the server with a message naming each variable, not on the first request. */
export function validateEnvironmentOrExit(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`web: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
}
