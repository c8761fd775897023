import { router } from "../trpc.ts";

export const tokensRouter = router({});
