export { accountTarget, sealCredentials } from "./account-target.ts";
export { applyStatusSnapshot } from "./status.ts";
