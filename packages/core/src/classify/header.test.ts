import { describe, expect, it } from "vitest";
import { splitHeader } from "./header.ts";

describe("splitHeader", () => {
  it("reads a line a relay forwarded with its own header by the device's header", () => {
    for (const line of [
      "Dec  3 10:00:01 relay01 Aug  3 10:18:44 srx1 kmd[14162]: KMD_VPN_DOWN_ALARM_USER: VPN to-aws is down.",
      "<134>1 2026-12-03T10:00:01Z relay01 - - - - Aug  3 10:18:44 srx1 kmd[14162]: KMD_VPN_DOWN_ALARM_USER: VPN to-aws is down.",
    ]) {
      const header = splitHeader(line);
      expect(header.fields, line).toMatchObject({ time: "Aug  3 10:18:44", host: "srx1", program: "kmd" });
      expect(header.message).toBe("KMD_VPN_DOWN_ALARM_USER: VPN to-aws is down.");
      // Keywords are looked for from the device's text on: the offset points into the line.
      expect(line.slice(header.afterTime).startsWith(" srx1") || line.slice(header.afterTime).startsWith("srx1")).toBe(
        true,
      );
    }
  });

  it("reads a container runtime's log line (CRI) by the daemon's own header when it has one", () => {
    const relayed = splitHeader(
      "2026-12-05T10:11:12.123456789Z stdout F Aug  3 10:18:44 srx1 kmd[14162]: KMD_VPN_DOWN",
    );
    expect(relayed.fields).toMatchObject({ time: "Aug  3 10:18:44", host: "srx1", program: "kmd" });
    expect(relayed.message).toBe("KMD_VPN_DOWN");
    const bare = splitHeader("2026-12-05T10:11:12.123456789Z stderr F charon: 09[IKE] giving up after 5 retransmits");
    expect(bare.fields).toMatchObject({ time: "2026-12-05T10:11:12.123456789Z", program: "charon" });
    expect(bare.fields.epochMs).toBe(Date.parse("2026-12-05T10:11:12.123Z"));
    expect(bare.message).toBe("09[IKE] giving up after 5 retransmits");
  });

  it("reads a program and pid with no time before them, whatever the program, but not charon's status rows", () => {
    expect(splitHeader("<30>bgpd[1201]: %ADJCHANGE: neighbor 169.254.44.9 Down").fields.program).toBe("bgpd");
    const row = splitHeader("aws-1[3]: ESTABLISHED 2 hours ago, 10.0.0.221[10.0.0.221]...18.222.98.126[18.222.98.126]");
    expect(row.fields.program).toBeUndefined();
    expect(row.message.startsWith("aws-1[3]: ESTABLISHED")).toBe(true);
  });

  it("reads an ISO time whose milliseconds follow a comma", () => {
    const header = splitHeader("2026-12-05 10:11:12,123+01:00 gw1 racoon: ERROR: sendfromto failed");
    expect(header.fields).toMatchObject({ time: "2026-12-05 10:11:12,123+01:00", host: "gw1", program: "racoon" });
    expect(header.fields.epochMs).toBe(Date.parse("2026-12-05T09:11:12.123Z"));
  });

  it("reads the host a syslog server wrote before a Cisco message, which names no program", () => {
    for (const [line, host] of [
      ["Mar  3 10:01:04 asa-dpd-lab %ASA-6-702205: ISAKMP Phase 2 retransmission", "asa-dpd-lab"],
      ["Mar  3 10:01:04 asa1 : %ASA-6-702205: ISAKMP Phase 2 retransmission", "asa1"],
      ["Mar  3 10:01:04 192.0.2.10 %FTD-vpn-7-715046: IKE Initiator: sending", "192.0.2.10"],
      ["Jun  1 15:20:39 rtr-idle 3972364: 5w5d: %CRYPTO-6-IKMP_UNK_EXCHANGE: IKE peer at 1.1.1.1", "rtr-idle"],
      // A syslog server's export: the sender's address and port, then the facility and level.
      [
        "172.16.200.253:514 : local7.notice %PIX-5-713050: Group = 192.0.2.1, IP = 192.0.2.1, Connection terminated",
        "172.16.200.253",
      ],
    ] as const) {
      const header = splitHeader(line);
      expect(header.fields.host, line).toBe(host);
      expect(header.message.startsWith("%"), line).toBe(true);
    }
  });

  it("reads the process of a line copied from OPNsense's log view, which writes its severity instead of a colon", () => {
    for (const line of [
      "2025-05-09T12:32:58-07:00   Notice   charon   [UPDOWN] received up-client event for reqid 2",
      "2025-05-09T12:32:58-07:00\tNotice\tcharon\t[UPDOWN] received up-client event for reqid 2",
    ]) {
      const header = splitHeader(line);
      expect(header.fields, line).toEqual({
        time: "2025-05-09T12:32:58-07:00",
        epochMs: Date.UTC(2025, 4, 9, 19, 32, 58),
        program: "charon",
      });
      expect(header.message).toBe("[UPDOWN] received up-client event for reqid 2");
    }
    // Another process in that place is not taken for one: it stays part of the message.
    expect(splitHeader("2025-05-09T12:32:58-07:00   Notice   dhcpd   lease renewed").fields.program).toBeUndefined();
  });

  it("gives the epoch of a timestamp that names one instant, and none of a local time", () => {
    const epoch = (line: string) => splitHeader(line).fields.epochMs;
    expect(epoch("2025-07-09T07:24:00.634073+01:00 gw charon: 10[IKE] x")).toBe(Date.UTC(2025, 6, 9, 6, 24, 0, 634));
    expect(epoch("<134>1 2023-05-04T15:19:33.984+10:00 host charon - - - x")).toBe(
      Date.UTC(2023, 4, 4, 5, 19, 33, 984),
    );
    expect(epoch("2023-05-04 15:19:33Z host charon: x")).toBe(Date.UTC(2023, 4, 4, 15, 19, 33));
    expect(epoch("2023-05-04T15:19:33+0530 host charon: x")).toBe(Date.UTC(2023, 4, 4, 9, 49, 33));
    // A device's local time, a syslog time without a year, an impossible date: no instant.
    expect(epoch("2023-05-04 15:19:33 host charon: x")).toBeUndefined();
    expect(epoch("Mar 20 10:03:52 host charon: x")).toBeUndefined();
    expect(epoch("2023-13-44T15:19:33+05:30 host charon: x")).toBeUndefined();
  });

  it("reads Sophos UTM's time, written with colons between the date's parts and a dash before the time", () => {
    const header = splitHeader('2019:01:15-10:23:45 utm-1 pluto[5042]: "S_REF_IpsSitAws_0" #12: ISAKMP SA established');
    expect(header.fields).toEqual({ time: "2019:01:15-10:23:45", host: "utm-1", program: "pluto" });
    expect(header.message).toBe('"S_REF_IpsSitAws_0" #12: ISAKMP SA established');
  });

  it("reads Apple's level after the program's pid", () => {
    const header = splitHeader("Feb 10 22:26:27 LetoAms racoon[747] <Info>: phase2 sa expired 192.0.2.1-198.51.100.7");
    expect(header.fields).toEqual({ time: "Feb 10 22:26:27", host: "LetoAms", program: "racoon" });
    expect(header.message).toBe("phase2 sa expired 192.0.2.1-198.51.100.7");
  });

  it("reads a time of day with its offset from UTC and no date", () => {
    const header = splitHeader("08:35:42.991510+01:00 lb-101 bird: bgp1: Down");
    expect(header.fields).toEqual({ time: "08:35:42.991510+01:00", host: "lb-101", program: "bird" });
    expect(header.message).toBe("bgp1: Down");
  });

  it("reads a month written in the system's language", () => {
    const cases: Array<[string, string]> = [
      ["Dez 31 12:20:07 abreu charon[55957]: 00[DMN] SIGINT received, shutting down", "Dez 31 12:20:07"],
      ["тра 29 10:31:37 k53sc charon[16403]: 12[IKE] giving up after 5 retransmits", "тра 29 10:31:37"],
      ["févr. 3 10:00:00 gw charon[12]: 12[IKE] giving up after 5 retransmits", "févr. 3 10:00:00"],
      ["okt 21 21:05:45 gw pluto[107072]: Pluto is shutting down", "okt 21 21:05:45"],
    ];
    for (const [line, time] of cases) {
      expect(splitHeader(line).fields, line).toMatchObject({ time, host: expect.any(String) });
    }
    // A word before a number is not a timestamp without a time of day.
    expect(splitHeader("port 22 closed by peer").fields.time).toBeUndefined();
  });

  it("reads the slash-dated timestamps of FRR's log file, Yamaha, NEC IX and LANCOM, and a protocol tag that is no host", () => {
    expect(splitHeader("2016/01/05 14:09:06 BGP: stream_read_try: read failed on fd 12").fields).toEqual({
      time: "2016/01/05 14:09:06",
      program: "BGP",
    });
    expect(splitHeader("2018/10/29 17:32:55: IP Tunnel[3] Down")).toMatchObject({
      fields: { time: "2018/10/29 17:32:55" },
      message: "IP Tunnel[3] Down",
    });
    // LANCOM's trace writes its milliseconds after a comma.
    expect(
      splitHeader("2004/01/20 15:18:34,530 VpnIpm: info; phase-1 negotiation started for peer BUGFIX"),
    ).toMatchObject({
      fields: { time: "2004/01/20 15:18:34,530", program: "VpnIpm" },
      message: "info; phase-1 negotiation started for peer BUGFIX",
    });
  });

  it("reads Cisco IOS's clock marks and sequence numbers before the time", () => {
    for (const line of [
      "*Mar  3 10:00:00.123: %CRYPTO-4-IKMP_NO_SA: IKE message from 192.0.2.1 has no SA",
      ".Mar  3 10:00:00.123: %CRYPTO-4-IKMP_NO_SA: IKE message from 192.0.2.1 has no SA",
      "000123: *Mar  3 10:00:00.123 UTC: %CRYPTO-4-IKMP_NO_SA: IKE message from 192.0.2.1 has no SA",
      "<189>123: *Mar  3 10:00:00.123: %CRYPTO-4-IKMP_NO_SA: IKE message from 192.0.2.1 has no SA",
    ]) {
      expect(splitHeader(line), line).toMatchObject({
        fields: { time: "Mar  3 10:00:00.123" },
        message: "%CRYPTO-4-IKMP_NO_SA: IKE message from 192.0.2.1 has no SA",
      });
    }
    // IOS debug's protocol tags stay with the message they belong to.
    expect(splitHeader("*Oct 25 18:53:16.538: ISAKMP-ERROR: (0):Failed to initialize SA").fields.program).toBe(
      "ISAKMP-ERROR",
    );
  });

  it("reads Cisco NX-OS's year-first time and a device's time after the syslog server's", () => {
    for (const [line, time, host, message] of [
      [
        "2017 May 4 13:58:24.709 GMT N9k01 %BGP-5-ADJCHANGE: bgp-65000 [8122] (default) neighbor 2.2.2.2 Down - holdtimer expired error",
        "2017 May 4 13:58:24.709 GMT",
        "N9k01",
        "%BGP-5-ADJCHANGE:",
      ],
      [
        "<190>2018 Apr 20 13:15:07 nexus-switch %BGP-5-ADJCHANGE: bgp-65000 [8122] (default) neighbor 2.2.2.2 Up",
        "2018 Apr 20 13:15:07",
        "nexus-switch",
        "%BGP-5-ADJCHANGE:",
      ],
      [
        "Jun 12 19:51:59 Jun 12 2008 19:51:59 pix : %PIX-3-713119: Group =, IP =, PHASE 1 COMPLETED",
        "Jun 12 2008 19:51:59",
        "pix",
        "%PIX-3-713119:",
      ],
    ] as const) {
      const header = splitHeader(line);
      expect(header.fields, line).toMatchObject({ time, host });
      expect(header.message.startsWith(message), line).toBe(true);
    }
  });

  it("keeps a relay's own line when no device header follows", () => {
    const header = splitHeader("Dec  3 10:00:01 relay01 charon: 12[IKE] sending DPD request");
    expect(header.fields).toMatchObject({ host: "relay01", program: "charon" });
  });
});
