import { router } from "../trpc.ts";

export const maintenanceRouter = router({});
