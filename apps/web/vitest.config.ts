import { defineConfig, mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(
  shared,
  defineConfig({
    resolve: { alias: { "~": new URL("./src", import.meta.url).pathname } },
  }),
);
