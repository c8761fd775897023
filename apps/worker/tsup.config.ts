import { readdirSync, readFileSync } from "node:fs";
import { defineConfig } from "tsup";

// One bundle with the workspace packages inlined (they export TypeScript source); their npm
// dependencies stay external and load from node_modules.
const npmDependencies = ["packages", "apps"].flatMap((dir) =>
  readdirSync(`../../${dir}`).flatMap((name) => {
    try {
      const manifest = JSON.parse(readFileSync(`../../${dir}/${name}/package.json`, "utf8"));
      return Object.keys(manifest.dependencies ?? {}).filter((dep) => !dep.startsWith("@tunnelwatch/"));
    } catch {
      return [];
    }
  }),
);

export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@tunnelwatch\//],
  external: [...new Set(npmDependencies)].map((dep) => new RegExp(`^${dep.replace("/", "\\/")}(\\/|$)`)),
});
