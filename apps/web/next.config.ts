import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages export TypeScript source.
  transpilePackages: [
    "@tunnelwatch/api",
    "@tunnelwatch/core",
    "@tunnelwatch/db",
    "@tunnelwatch/config",
    "@tunnelwatch/queue",
  ],
  // Native and WebAssembly-backed server libraries load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@prisma/client", "@prisma/adapter-pg", "pg", "bullmq", "ioredis"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
