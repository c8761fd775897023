// Prisma CLI configuration. Tunnelwatch's own commands (npm run db:migrate, db:migration,
// db:generate) work offline and do not need the Prisma CLI's native engines; this file lets
// people with internet access use the Prisma CLI (studio, migrate status) on the same database.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/tunnelwatch" },
});
