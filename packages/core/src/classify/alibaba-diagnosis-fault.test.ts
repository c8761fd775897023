import { describe, expect, it } from "vitest";
import { faultOfAlibabaDiagnosis } from "./alibaba-diagnosis-fault.ts";

describe("faultOfAlibabaDiagnosis", () => {
  it("reads known reason codes, the phase a reason names, and an unknown code's reason text", () => {
    expect(faultOfAlibabaDiagnosis("Phase1NegotiationTimeout")).toBe("PEER_UNREACHABLE");
    expect(faultOfAlibabaDiagnosis("PeerMismatch")).toBe("IKE_AUTH_FAILURE");
    expect(faultOfAlibabaDiagnosis("EncryptionAlgorithmMismatch", "Phase2 encryption algorithm mismatch")).toBe(
      "IPSEC_PROPOSAL_MISMATCH",
    );
    expect(faultOfAlibabaDiagnosis("DhGroupMismatch")).toBe("IKE_PROPOSAL_MISMATCH");
    // The code decides when the reason does not name a phase (it may come back in Chinese).
    expect(faultOfAlibabaDiagnosis("EncryptionAlgorithmMismatch", "加密算法不匹配")).toBe("IPSEC_PROPOSAL_MISMATCH");
    expect(faultOfAlibabaDiagnosis("DhGroupMismatch", "第二阶段DH分组不匹配")).toBe("IPSEC_PROPOSAL_MISMATCH");
    expect(faultOfAlibabaDiagnosis("PfsMismatch")).toBe("IPSEC_PROPOSAL_MISMATCH");
    expect(faultOfAlibabaDiagnosis("LifetimeMismatch")).toBe("REKEY_FAILURE");
    expect(faultOfAlibabaDiagnosis("PskMismatch")).toBe("IKE_AUTH_FAILURE");
    expect(faultOfAlibabaDiagnosis("SomethingNew")).toBe("TUNNEL_DOWN_OTHER");
    expect(faultOfAlibabaDiagnosis("SomethingNew", "phase2 traffic selector mismatch")).toBe(
      "TRAFFIC_SELECTOR_MISMATCH",
    );
    // An unknown code's reason text is read by the classifier, in either language.
    expect(faultOfAlibabaDiagnosis("SomethingNew", "Peer is not responsive - Declaring peer dead")).toBe("DPD_TIMEOUT");
    expect(faultOfAlibabaDiagnosis("SomethingNew", "received AUTHENTICATION_FAILED notify error")).toBe(
      "IKE_AUTH_FAILURE",
    );
    expect(faultOfAlibabaDiagnosis("SomethingNew", "预共享密钥不匹配")).toBe("IKE_AUTH_FAILURE");
  });
});
