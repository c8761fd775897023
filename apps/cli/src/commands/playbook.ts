import { parseArgs } from "node:util";
import {
  FINDING_CODES,
  formatPlaybook,
  getPlaybook,
  LOG_FAULT_CODES,
  PLAYBOOK_VARIANTS,
  type PlaybookVariant,
  PROVIDERS,
  type Provider,
} from "@tunnelwatch/core";
import { type Command, UsageError } from "../command.ts";

export const playbook: Command = {
  name: "playbook",
  summary: "Print the remediation steps for a fault or finding code",
  usage: `tunnelwatch playbook <CODE> [--provider aws|alibaba|mulesoft] [--gateway VENDOR] [--json]

Prints the ordered remediation steps for a log fault code or a posture finding code, with
the console paths and commands for each provider and customer-gateway vendor. With --provider
or --gateway, only the general steps and those variants.

  --gateway   one of ${PLAYBOOK_VARIANTS.filter((v) => !(PROVIDERS as readonly string[]).includes(v)).join(", ")}

codes: ${[...LOG_FAULT_CODES, ...FINDING_CODES].join(", ")}`,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { provider: { type: "string" }, gateway: { type: "string" }, json: { type: "boolean", default: false } },
    });
    const [code] = positionals;
    if (!code) throw new UsageError("which code? e.g. tunnelwatch playbook DPD_TIMEOUT");
    if (values.provider && !(PROVIDERS as readonly string[]).includes(values.provider)) {
      throw new UsageError(`unknown provider "${values.provider}"; one of ${PROVIDERS.join(", ")}`);
    }
    if (values.gateway && !(PLAYBOOK_VARIANTS as readonly string[]).includes(values.gateway)) {
      throw new UsageError(`unknown gateway vendor "${values.gateway}"; one of ${PLAYBOOK_VARIANTS.join(", ")}`);
    }
    const context =
      values.provider || values.gateway
        ? {
            provider: values.provider as Provider | undefined,
            gatewayVendor: values.gateway as PlaybookVariant | undefined,
          }
        : undefined;
    const resolved = getPlaybook(code, context);
    if (!resolved) throw new UsageError(`no playbook for "${code}"`);
    io.stdout.write(values.json ? `${JSON.stringify(resolved, null, 2)}\n` : `${formatPlaybook(resolved)}\n`);
    return 0;
  },
};
