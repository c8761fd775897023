// The fleet overview: what a network engineer checks first (tunnels down now, grades, open
// incidents, what breaks at the next maintenance, the week's uptime, accounts that stopped syncing,
// the configuration changes of the week).
import { z } from "zod";
import { listConfigChanges } from "../connections/config-changes.ts";
import { gatewayOutages } from "../fleet/gateway-outages.ts";
import { fleetOverview } from "../fleet/overview.ts";
import { pageInput } from "../pagination.ts";
import { router, tenantProcedure } from "../trpc.ts";

const DAY_MS = 86_400_000;

export const fleetRouter = router({
  /** Every figure of the overview in one call; aggregates only, so its cost does not grow with the events stored. */
  overview: tenantProcedure("VIEWER").query(({ ctx }) => fleetOverview({ db: ctx.db, tenantId: ctx.tenantId })),

  /** Customer gateway outages that began or ended in the last `days`, newest first, still-down ones included. */
  gatewayOutages: tenantProcedure("VIEWER")
    .input(z.object({ days: z.number().int().min(1).max(90).default(7) }))
    .query(({ ctx, input }) => gatewayOutages(ctx.db, new Date(Date.now() - input.days * DAY_MS))),

  /** Configuration changes across the fleet's live connections in the last `days`, newest first. */
  configChanges: tenantProcedure("VIEWER")
    .input(
      pageInput.extend({
        days: z.number().int().min(1).max(400).default(7),
        madeOnly: z.boolean().default(true),
      }),
    )
    .query(({ ctx, input }) =>
      listConfigChanges(ctx.db, { ...input, since: new Date(Date.now() - input.days * DAY_MS) }),
    ),
});
