// Cloud account credentials are stored sealed (AES-256-GCM) and bound to their tenant; they are
// opened only here, just before a provider call, and never logged or returned.
import { type Keyring, openJson, sealJson } from "@tunnelwatch/db";
import type { AccountTarget, AlibabaCredentials, AwsCredentials, MulesoftCredentials } from "../providers/types.ts";

export type AccountCredentials = AwsCredentials | AlibabaCredentials | MulesoftCredentials;

const context = (tenantId: string) => `cloud-account:${tenantId}`;

export function sealCredentials(keyring: Keyring, tenantId: string, credentials: AccountCredentials) {
  const sealed = sealJson(keyring, credentials, context(tenantId));
  return { credentialsCipher: sealed.cipher, credentialsKeyId: sealed.keyId };
}

interface StoredAccount {
  tenantId: string;
  provider: "AWS" | "ALIBABA" | "MULESOFT";
  regions: string[];
  endpointOverride: string | null;
  credentialsCipher: string;
  credentialsKeyId: string;
}

export function accountTarget(keyring: Keyring, account: StoredAccount): AccountTarget {
  const credentials = openJson<AccountCredentials>(
    keyring,
    { cipher: account.credentialsCipher, keyId: account.credentialsKeyId },
    context(account.tenantId),
  );
  const endpoint = account.endpointOverride ?? undefined;
  switch (account.provider) {
    case "AWS":
      return { provider: "aws", regions: account.regions, endpoint, credentials: credentials as AwsCredentials };
    case "ALIBABA":
      return {
        provider: "alibaba",
        regions: account.regions,
        endpoint,
        credentials: credentials as AlibabaCredentials,
      };
    case "MULESOFT":
      return {
        provider: "mulesoft",
        regions: account.regions,
        endpoint,
        credentials: credentials as MulesoftCredentials,
      };
  }
}
