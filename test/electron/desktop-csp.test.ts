import { describe, expect, it } from "vitest";
import { contentSecurityPolicy as desktopPolicy } from "../../electron/main/content-security-policy.js";
import { contentSecurityPolicy as gatewayPolicy } from "../../gateway/server/middleware/security-headers.js";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

describe("the desktop window's CSP beside the gateway's", () => {
  it("allows, directive by directive, no source the gateway's own policy does not", () => {
    const desktop = directives(desktopPolicy);
    const gateway = directives(gatewayPolicy);
    const fetchDirective = (name: string) => name.endsWith("-src");
    for (const [name, sources] of desktop) {
      const allowed = gateway.get(name) ?? (fetchDirective(name) ? gateway.get("default-src") : undefined);
      if (!allowed) continue;
      for (const source of sources.filter((source) => source !== "'none'")) expect(allowed, `${name} ${source}`).toContain(source);
    }
    expect(desktop.get("default-src")).toEqual(["'none'"]);
  });
});
