export { applyMigrations, type MigrationStatus, migrationStatus } from "./migrations.ts";
