import { router } from "../trpc.ts";

export const connectionsRouter = router({});
