// Which algorithms are weak (faults.md WEAK_CRYPTO: DES and 3DES, MD5 and SHA-1, DH groups below
// 14): one definition for the posture finding and for the gateway configuration that must say
// when the provider leaves it nothing stronger.
const WEAK_ENCRYPTION = /^(?:DES|3DES|DES-CBC|3DES-CBC|TRIPLEDES)$/i;
const WEAK_INTEGRITY = /^(?:MD5|SHA1|SHA-1|HMAC-MD5|HMAC-SHA1|SHA1-96|HMAC_SHA1_96)$/i;
const MIN_DH_GROUP = 14;

export const isWeakEncryption = (name: string): boolean => WEAK_ENCRYPTION.test(name);
export const isWeakIntegrity = (name: string): boolean => WEAK_INTEGRITY.test(name);
export const isWeakDhGroup = (group: number): boolean => group < MIN_DH_GROUP;
