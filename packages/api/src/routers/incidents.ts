import { router } from "../trpc.ts";

export const incidentsRouter = router({});
