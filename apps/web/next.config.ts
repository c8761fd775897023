import type { NextConfig } from "next";

const config: NextConfig = {
  // Workspace packages export TypeScript source.
  transpilePackages: [
    "@tunnelwatch/alerts",
    "@tunnelwatch/api",
    "@tunnelwatch/core",
    "@tunnelwatch/db",
    "@tunnelwatch/config",
    "@tunnelwatch/queue",
    // The cloud-account "test" call runs the worker's provider clients.
    "@tunnelwatch/worker",
  ],
  // Native and WebAssembly-backed server libraries load from node_modules at run time.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "bullmq",
    "ioredis",
    "@aws-sdk/client-ec2",
    "@aws-sdk/client-cloudwatch-logs",
    "@aws-sdk/client-health",
    "@aws-sdk/credential-providers",
    "@alicloud/openapi-core",
    "@alicloud/vpc20160428",
    "@darabonba/typescript",
  ],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
