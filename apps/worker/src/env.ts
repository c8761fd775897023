import { loadEnvOrExit, workerEnv } from "@tunnelwatch/config";

export const env = loadEnvOrExit(workerEnv(), "worker");
