import { describe, expect, it } from "vitest";
import { classifyLine } from "./classify.ts";
import { joinPlaceholderWords, mayHoldPlaceholder } from "./placeholders.ts";

describe("placeholders of several words", () => {
  it("are joined into one word only when they are placeholders", () => {
    expect(joinPlaceholderWords("from <CLIENT IP ADDRESS> to {PEER GW IP}")).toBe(
      "from <CLIENT_IP_ADDRESS> to {PEER_GW_IP}",
    );
    // charon's "<conn|1>", syslog priorities and unmatched brackets stay as written.
    expect(mayHoldPlaceholder("<134>Mar 3 10:00:00 gw charon: 12[IKE] <aws-t1|3> sending DPD request")).toBe(false);
    expect(joinPlaceholderWords("<peer ip} and {peer ip>")).toBe("<peer ip} and {peer ip>");
  });

  it("leave the line's own spelling in the evidence and fields", () => {
    const result = classifyLine(
      "charon: 15[JOB] <244> deleting half open IKE_SA with <CLIENT IP ADDRESS> after timeout",
    );
    expect(result.code).toBe("PEER_UNREACHABLE");
    expect(result.evidence).toContain("<CLIENT IP ADDRESS>");
    expect(result.fields.message).toContain("<CLIENT IP ADDRESS>");
  });
});
