// Two Anypoint CloudHub 1.0 VPNs as `GET .../vpcs/{vpcId}/ipsec` returns them (the shapes and
// example values of salesforce/anypoint-client-go vpn/api/openapi.yaml): one BGP VPN with its second
// tunnel down and an update available, one static VPN with both tunnels up. Test data for the
// worker's mapping and for the CLI that reads the same answer; PSK is what must never be copied.

export const PSK = "23847329fn3u__secret";

const tunnel = (ip: string, ptp: string, status: string, message: string, accepted = 0) => ({
  acceptedRouteCount: accepted,
  lastStatusChange: "2022-06-13T13:25:41Z",
  localExternalIpAddress: ip,
  localPtpIpAddress: ptp,
  remotePtpIpAddress: ptp.replace(/\d+$/, (n) => String(Number(n) + 1)),
  psk: PSK,
  status,
  statusMessage: message,
});

export const BGP_VPN = {
  id: "62a07860f052884d1d129a31",
  name: "vpnforawesomevpc",
  updateAvailable: true,
  spec: {
    name: "vpnforawesomevpc",
    remoteAsn: 65000,
    remoteIpAddress: "192.0.2.10",
    remoteNetworks: [],
    tunnelConfigs: [
      { psk: PSK, ptpCidr: "169.254.12.0/30", rekeyMarginInSeconds: 540, rekeyFuzz: 100 },
      { psk: PSK, ptpCidr: "169.254.12.4/30", rekeyMarginInSeconds: 0, rekeyFuzz: 0 },
    ],
  },
  state: {
    vpnConnectionStatus: "AVAILABLE",
    createdAt: "2022-06-13T13:21:36.283Z",
    remoteAsn: 65000,
    localAsn: 64512,
    vpnTunnels: [
      tunnel("3.20.144.122", "169.254.12.1", "UP", "4 BGP ROUTES", 4),
      tunnel("13.59.129.13", "169.254.12.5", "DOWN", "IPSEC IS DOWN"),
    ],
    failedReason: "",
  },
};

export const STATIC_VPN = {
  id: "62a33f23f052884d1d60af34",
  name: "myDatacenterVpn",
  updateAvailable: false,
  spec: {
    name: "myDatacenterVpn",
    remoteAsn: 65000,
    remoteIpAddress: "100.100.100.100",
    remoteNetworks: ["10.0.0.0/24"],
    tunnelConfigs: [
      { psk: PSK, ptpCidr: "169.254.13.0/30", rekeyMarginInSeconds: 0, rekeyFuzz: 0 },
      { psk: PSK, ptpCidr: "169.254.13.4/30", rekeyMarginInSeconds: 0, rekeyFuzz: 0 },
    ],
  },
  state: {
    vpnConnectionStatus: "AVAILABLE",
    vpnTunnels: [
      tunnel("3.20.1.1", "169.254.13.1", "UP", "IPSEC IS UP"),
      tunnel("3.20.1.2", "169.254.13.5", "UP", "IPSEC IS UP"),
    ],
  },
};
