// The fleet overview: what a network engineer checks first (tunnels down now, grades, open
// incidents, what breaks at the next maintenance, the week's uptime, accounts that stopped syncing).
import { fleetOverview } from "../fleet/overview.ts";
import { router, tenantProcedure } from "../trpc.ts";

export const fleetRouter = router({
  /** Every figure of the overview in one call; aggregates only, so its cost does not grow with the events stored. */
  overview: tenantProcedure("VIEWER").query(({ ctx }) => fleetOverview({ db: ctx.db, tenantId: ctx.tenantId })),
});
