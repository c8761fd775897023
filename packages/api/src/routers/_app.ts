// The one API of Tunnelwatch: the dashboard and integrations call the same procedures.
import { router } from "../trpc.ts";
import { accountsRouter } from "./accounts.ts";
import { alertsRouter } from "./alerts.ts";
import { auditRouter } from "./audit.ts";
import { connectionsRouter } from "./connections.ts";
import { fleetRouter } from "./fleet.ts";
import { incidentsRouter } from "./incidents.ts";
import { logsRouter } from "./logs.ts";
import { maintenanceRouter } from "./maintenance.ts";
import { membersRouter } from "./members.ts";
import { tenantsRouter } from "./tenants.ts";
import { tokensRouter } from "./tokens.ts";

export const appRouter = router({
  tenants: tenantsRouter,
  fleet: fleetRouter,
  connections: connectionsRouter,
  logs: logsRouter,
  incidents: incidentsRouter,
  maintenance: maintenanceRouter,
  alerts: alertsRouter,
  accounts: accountsRouter,
  tokens: tokensRouter,
  members: membersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
