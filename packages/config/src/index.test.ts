import { describe, expect, it } from "vitest";
import { ConfigError, credentialsEnv, dbEnv, loadEnv, redisEnv } from "./index.ts";

describe("loadEnv", () => {
  it("names a missing variable", () => {
    expect(() => loadEnv(dbEnv(), {})).toThrowError(/DATABASE_URL is required but not set/);
  });

  it("names an invalid variable and says what is expected", () => {
    try {
      loadEnv({ ...dbEnv(), ...redisEnv() }, { DATABASE_URL: "mysql://x", REDIS_URL: "http://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const { problems } = error as ConfigError;
      expect(problems).toEqual([
        "DATABASE_URL: must be a postgresql:// URL",
        "REDIS_URL: must be a redis:// or rediss:// URL",
      ]);
    }
  });

  it("applies defaults and treats empty strings as unset", () => {
    const env = loadEnv({ ...dbEnv(), ...redisEnv() }, { DATABASE_URL: "postgresql://a/b", REDIS_URL: "" });
    expect(env).toEqual({
      DATABASE_URL: "postgresql://a/b",
      REDIS_URL: "redis://127.0.0.1:6379",
      QUEUE_PREFIX: "tunnelwatch",
    });
  });

  it("rejects credential keys that are not 32 bytes", () => {
    expect(() =>
      loadEnv(credentialsEnv(), { CREDENTIALS_KEYS: "k1:c2hvcnQ=", CREDENTIALS_ACTIVE_KEY_ID: "k1" }),
    ).toThrowError(/CREDENTIALS_KEYS: must be comma-separated/);
  });
});
