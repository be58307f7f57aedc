import { describe, expect, it } from "vitest";
import { configIssues } from "./config-issues.js";

describe("config issues", () => {
  it("accepts a valid config", () => {
    expect(configIssues("server:\n  port: 9000\npolicy:\n  classes:\n    personal: local-only\n")).toEqual([]);
    expect(configIssues("")).toEqual([]);
  });

  it("names a wrong value's field and line", () => {
    expect(configIssues("server:\n  port: 9000\npolicy:\n  classes:\n    health: sometimes\n")).toEqual([expect.objectContaining({ path: "policy.classes.health", line: 5 })]);
    expect(configIssues("providers:\n  - id: a\n    kind: openai\n    baseUrl: ftp://x\n    models: [m]\n")).toEqual([expect.objectContaining({ path: "providers[0].baseUrl", line: 4 })]);
  });

  it("points an unknown key at the key itself", () => {
    expect(configIssues("server:\n  port: 9000\n  prot: 1\n")).toEqual([{ path: "server.prot", message: "unknown key `prot`", line: 3 }]);
  });

  it("points a missing field at its parent", () => {
    expect(configIssues("providers:\n  - id: a\n    kind: openai\n    models: [m]\n")).toEqual([expect.objectContaining({ path: "providers[0].baseUrl", line: 2 })]);
  });

  it("gives the line of a YAML syntax error", () => {
    const [issue] = configIssues("server:\n  port: [9000\nlocal: {}\n");
    expect(issue?.message).toMatch(/^not valid YAML/);
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses a provider id used twice, at the second one", () => {
    const text = "providers:\n  - { id: a, kind: openai, baseUrl: 'https://a.example/v1', models: [m] }\n  - { id: a, kind: openai, baseUrl: 'https://b.example/v1', models: [m] }\n";
    expect(configIssues(text)).toEqual([{ path: "providers[1].id", message: "`a` is used twice", line: 3 }]);
  });
});
