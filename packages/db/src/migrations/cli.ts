// npm run db:migrate            apply pending migrations to DATABASE_URL
// npm run db:migration -- NAME  create the next migration from prisma/schema.prisma
import { dbEnv, loadEnvOrExit } from "@tunnelwatch/config";
import { applyMigrations, createMigration } from "./migrations.ts";

const [command, ...rest] = process.argv.slice(2);
const { DATABASE_URL } = loadEnvOrExit(dbEnv(), "db");

try {
  if (command === "migrate") {
    const applied = await applyMigrations(DATABASE_URL);
    console.log(
      applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : "Database is up to date.",
    );
  } else if (command === "create") {
    const name = rest.join("_");
    const created = await createMigration({ name, serverUrl: DATABASE_URL });
    console.log(
      created ? `Created ${created.directory}/migration.sql` : "The schema matches the migrations: nothing to create.",
    );
  } else {
    console.error("usage: migrate | create <name>");
    process.exit(64);
  }
} catch (error) {
  console.error(`db ${command}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
