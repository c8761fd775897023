import { describe, expect, it } from "vitest";
import { classifyLine } from "./classify.ts";
import { WINDOWS_IKE_ERRORS } from "./windows-ike-errors.ts";

describe("Windows IKE error codes", () => {
  it("read every listed error by name, decimal and hex code as its fault", () => {
    for (const { code, name, fault } of WINDOWS_IKE_ERRORS) {
      const hex = code.toString(16).toUpperCase();
      for (const line of [
        `IKEEXT: negotiation failed with ERROR_IPSEC_${name}`,
        `Peer failed with Windows error ${code}(ERROR_IPSEC_${name})`,
        `[ErrorCode] 0x${hex} [ErrorMessage] (text)`,
        `Failure error code:0x0000${hex.toLowerCase()}`,
      ]) {
        expect(classifyLine(line).code, line).toBe(fault);
      }
    }
  });

  it("leave a policy match error's phase to the exchange the line names", () => {
    expect(classifyLine("[ErrorCode] 0x362C [ErrorMessage] Policy match error").code).toBe("IKE_PROPOSAL_MISMATCH");
    const quickMode = classifyLine("IkeCleanupQMNegotiation called with error 13868 and flags a");
    expect([quickMode.code, quickMode.phase]).toEqual(["IPSEC_PROPOSAL_MISMATCH", "2"]);
  });

  it("do not read a number that merely looks like one", () => {
    expect(classifyLine("kmd[13801]: KMD_PM_SA_ESTABLISHED: Local gateway: 198.51.100.1").code).toBe("TUNNEL_UP");
    expect(
      classifyLine("charon: 13[NET] sending packet: from 198.51.100.1[500] to 203.0.113.9[500] (13801 bytes)").code,
    ).toBe("INFO");
  });
});
