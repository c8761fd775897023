import { describe, expect, it } from "vitest";
import { classifyLine } from "./classify.ts";
import { asPlainText, withoutQuoteMarks } from "./pasted.ts";

const line = "Mar  3 10:15:02 gw charon: 09[IKE] <aws-tun1|3> received AUTHENTICATION_FAILED notify error";

describe("lines copied into a mail, a forum post, a web page or a terminal", () => {
  it("removes mail and Markdown quote marks and code backticks, and nothing else", () => {
    expect(withoutQuoteMarks(`> ${line}`)).toBe(line);
    expect(withoutQuoteMarks(`> > ${line}`)).toBe(line);
    expect(withoutQuoteMarks(`\`${line}\``)).toBe(line);
    expect(withoutQuoteMarks(`> \`${line}\``)).toBe(line);
    expect(withoutQuoteMarks("`")).toBe("`");
    expect(withoutQuoteMarks("a > b")).toBe("a > b");
  });

  it("decodes HTML entities, plain-spaces Unicode spaces and drops colour codes and zero-width characters", () => {
    expect(asPlainText("traffic selectors 10.0.0.0/16 &lt;=&gt; 192.168.0.0/24 &amp; &quot;x&quot; &#39;y&#x27;")).toBe(
      "traffic selectors 10.0.0.0/16 <=> 192.168.0.0/24 & \"x\" 'y'",
    );
    expect(asPlainText("a\u00a0b\u2009c\u3000d\u200be")).toBe("a b c de");
    expect(asPlainText("\u001b[1;31mERROR\u001b[0m: x")).toBe("ERROR: x");
    // Not entities: left as they are.
    expect(asPlainText("&bogus; &#xZZ; & ;")).toBe("&bogus; &#xZZ; & ;");
  });

  it("classifies a pasted line as the line itself", () => {
    const expected = classifyLine(line);
    expect(expected).toMatchObject({ code: "IKE_AUTH_FAILURE", vendor: "strongswan" });
    for (const pasted of [
      `> ${line}`,
      `\`${line}\``,
      line.replaceAll(" ", "\u00a0"),
      line.replace("<aws-tun1|3>", "&lt;aws-tun1|3&gt;"),
      `\u001b[33m${line}\u001b[0m`,
    ]) {
      const result = classifyLine(pasted);
      expect({ code: result.code, vendor: result.vendor, phase: result.phase }, pasted).toEqual({
        code: expected.code,
        vendor: expected.vendor,
        phase: expected.phase,
      });
    }
  });

  it("reads an AWS record whose quotes a web page turned into entities", () => {
    const record =
      '{"event_timestamp":1709550633,"details":"AWS tunnel detected a pre-shared key mismatch with cgw: 198.51.100.7","ike_phase1_state":"down","ike_phase2_state":"down"}';
    const result = classifyLine(record.replaceAll('"', "&quot;"));
    expect(result).toMatchObject({ code: "IKE_AUTH_FAILURE", vendor: "aws" });
    expect(result.fields.ikePhase1State).toBe("down");
  });

  it("undoes a paste once: nested entities stay one level deep, and a long run of them ends", () => {
    const nested = classifyLine("Mar  3 10:15:02 gw charon: 09[IKE] &amp;amp;quot;x");
    expect(nested.fields.message).toBe("09[IKE] &amp;quot;x");
    const long = `gw charon: 09[IKE] ${"&amp;".repeat(10_000)}`;
    expect(() => classifyLine(long)).not.toThrow();
    expect(classifyLine("> ").code).toBe("UNKNOWN");
    expect(classifyLine("&nbsp;").reason).toBe("empty line");
  });
});
