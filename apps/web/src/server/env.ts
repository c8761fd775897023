import { loadEnv, webEnv } from "@tunnelwatch/config";

type WebEnv = ReturnType<typeof loadEnv<ReturnType<typeof webEnv>>>;
let cached: WebEnv | undefined;

/** The web app's validated environment (validated once at server start by instrumentation.ts). */
export function env(): WebEnv {
  cached ??= loadEnv(webEnv());
  return cached;
}
