// The vocabulary of tunnel logs, shared by the vendor reader and the classifier.

// BIRD runs other protocols beside BGP, named by default after their kind ("ospf1: ...",
// "device1 < interface eth1 goes down", "Netlink: ..."): their lines are not a BGP session's.
export const BIRD_OTHER_PROTOCOLS = "bfd|ospf|rip|babel|kernel|static|device|direct|rpki|netlink";

// A Cisco message's tag: "%ASA-4-113019: ", FTD's "%FTD-vpn-7-715046: ", "%CRYPTO-6-IKMP_MODE_FAILURE: ".
export const CISCO_MESSAGE_TAG = "%[A-Z][A-Z0-9_]*-(?:[A-Za-z]+-)?\\d-[A-Z0-9_]+: ";

// Windows' RasClient event for a VPN connection that failed, before the connection's name: "The
// user SYSTEM dialed a connection named AzureGateway that has failed", "User SYSTEM has a dial up
// connection called Algo VPN, which has failed" (some Windows versions write "dial-up").
export const RASCLIENT_DIALED = "(?:dialed a connection named|has a dial[- ]?up connection called)";

// Words that only IKE/IPsec/BGP tunnel logs use: a line with them is recognised even when its
// header does not name the daemon (bare messages pasted from a console or a vendor document).
// IKEv1's key exchange is Oakley's ("Oakley Transform [AES_CBC (128), HMAC_SHA2_256, DH19] refused").
// GoBGP's text log names its peer events "Topic=Peer" and its states "BGP_FSM_<state>".
export const VPN_VOCABULARY =
  /\b(?:IKE|IKEv[12]|ISAKMP|Oakley|OAKLEY(?:_\w+)?|IPsec|IPSec|IPSEC|CHILD_SA|IKE_SA|ESP(?!-[0-9A-F]{4,}\b)|SPI|DPD|NAT-T|[Aa]nti-replay|REPLAY packet|X[Aa]uth|XAUTH|[Ss]hared key|ike-stack|IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|(?:[Ii]nbound|[Oo]utbound) SA|[Pp]roposals?|[Pp]hase ?[12]|[Pp]hase-[12] (?:negotiation|SA|proposal|exchange)|phase[12]|[Qq]uick [Mm]ode|[Mm]ain [Mm]ode|[Aa]ggressive [Mm]ode|[Vv]endor ID|pre-shared key|cert(?:ificate)? requests?|rekey\w*|IPsec-SA|ISAKMP-SA|QUICK_MODE|BGP|BGP_FSM_\w+|Topic=Peer|UDP\/4500|UDP\/500|MOBIKE|AUTH_LIFETIME|[Tt]raffic[- ][Ss]electors?|KE payload|ovs-monitor-ipsec|INFORMATIONAL(?:_V1)?|ID_(?:IPV[46]_ADDR(?:_SUBNET|_RANGE)?|FQDN|USER_FQDN|DER_ASN1_DN|KEY_ID)|ISAKMP_v[12]\w*|EAP_[A-Z][A-Z0-9_]*|INTERNAL_IP[46]_\w+|trustchain)\b/;

// The states after an SA's name in charon's status rows ("aws-1[3]: ESTABLISHED 2 hours ago, ...",
// "aws-1{5}:  INSTALLED, TUNNEL, ..."), and every field such a row may start with, where a
// program would stand ("aws-1[3]: IKEv2 SPIs: ...").
export const CHARON_STATUS_STATES = "ESTABLISHED|INSTALLED|REKEYED|CONNECTING";
export const CHARON_STATUS_FIELDS = `${CHARON_STATUS_STATES}|REKEYING|DELETING|PASSIVE|IKEv[12] SPIs:|IKE proposal:|Tasks (?:queued|active|passive):|Remote \\w+ identity:`;

// FortiGate's IKE debug starts a line with its VDOM, by index or by name and index: "ike 0:",
// "ike V=root:0:"; what follows names the phase 1, its IKE SA and phase 2 ("ike 0:to-aws:267: ...").
export const FORTIGATE_DEBUG_PREFIX = "^ike (?:V=[\\w-]+:)?\\d+:";

// charon's log groups, written before each message: "09[IKE] ", "[CFG] ", "[IKE1] " with a level.
export const CHARON_LOG_GROUPS = [
  "IKE",
  "ENC",
  "CFG",
  "NET",
  "KNL",
  "CHD",
  "LIB",
  "DMN",
  "JOB",
  "MGR",
  "ASN",
  "APP",
  "ESP",
  "TLS",
  "TNC",
  "IMC",
  "IMV",
  "PTS",
];
