import { describe, expect, it } from "vitest";
import type { Finding } from "../../../shared/findings.js";
import { secretDetectors } from "./index.js";

const detectAll = (text: string): Finding[] => secretDetectors.flatMap((detector) => detector.detect(text));
const foundIn = (text: string) => detectAll(text).map((finding) => text.slice(finding.start, finding.end));

const size = 200 * 1024;
const repeated = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const pseudoRandomBase64 = Buffer.from(Array.from({ length: size }, (_, index) => (index * 7919 + 13) % 256)).toString("base64").slice(0, size);

// Inputs that make careless patterns backtrack, or make a search from every hit run to the end.
const pathological: Record<string, string> = {
  "`a=` repeated": repeated("a="),
  "`password=` repeated": repeated("password="),
  "`token: ` repeated": repeated("token: "),
  "`key ` repeated": repeated("key "),
  "one long base64 blob": pseudoRandomBase64,
  "base64 in 64-character lines": pseudoRandomBase64.replace(/(.{64})/g, "$1\n"),
  "BEGIN markers without a body": repeated("-----BEGIN RSA PRIVATE KEY-----\n"),
  "a BEGIN marker and a huge body": `-----BEGIN RSA PRIVATE KEY-----\n${pseudoRandomBase64}`,
  "schemes without hosts": repeated("http://a:"),
  "a password full of @": `postgres://u:${repeated("p@")}`,
  "Bearer repeated": repeated("Bearer "),
  "quoted names without values": repeated('"password": "'),
  "a long line of announcements": repeated("Please use the following token "),
  "a long identifier": `${"x".repeat(size)}_password = 'abc'`,
  "dollar signs": repeated("$2a$12$"),
  "digits": repeated("1234567890"),
  "dashes and words": repeated("ab-cd-"),
  "a command with many flags": `docker login${repeated(" -p x")}`,
  "curl with many users": `curl${repeated(" -u a:b")}`,
  "dotted calls": repeated("s.addComponentsFromRegistry()"),
};

describe("the secret detectors together", () => {
  for (const [name, text] of Object.entries(pathological)) {
    it(`finish on ${name} (200 KB)`, () => {
      // No timing assertion: a catastrophic pattern would not finish within the test timeout.
      const findings = detectAll(text);
      for (const finding of findings) {
        expect(finding.start).toBeGreaterThanOrEqual(0);
        expect(finding.end).toBeLessThanOrEqual(text.length);
        expect(finding.start).toBeLessThan(finding.end);
      }
    });
  }

  it("report SECRET findings with offsets into the text", () => {
    const text = "export GITHUB_TOKEN=ghp_XsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljo\nDATABASE_URL=postgres://app:Pseg2020x@db:5432/app\n";
    const findings = detectAll(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.type).toBe("SECRET");
      expect(finding.score).toBeGreaterThan(0);
      expect(finding.score).toBeLessThanOrEqual(1);
      expect(finding.detector).toMatch(/^secret-/);
    }
    expect(foundIn(text)).toEqual(expect.arrayContaining(["ghp_XsiVpzz63FfkCzJr4i0B3JrTAwR4y9ojfljo", "Pseg2020x"]));
  });

  it("find our own client tokens", () => {
    const token = `prt_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64url")}`;
    expect(foundIn(`Authorization: Bearer ${token}`)).toContain(token);
  });

  it("leave ordinary prose alone", () => {
    const prose = [
      "The address of Persint is 6750 Koskikatu 25 Apt. 864, Artilleros, CO Uruguay 64677.",
      "You should ' ve stayed on Redondo Beach Blvd . #LA @someone http://t.co/abc123",
      "My card ending 4242 was charged twice; the key point is that I never signed up.",
      "Don't forget: the secret to a good pie is cold butter.",
      "Pass the salt, please. Token of appreciation for the team!",
    ].join("\n");
    expect(foundIn(prose)).toEqual([]);
  });

  it("leave code without credentials alone", () => {
    const code = `
import { createHash } from "node:crypto";
const commit = "3f786850e387550fdab836ed7e6dc881de23001b";
const requestId = "123e4567-e89b-12d3-a456-426614174000";
export function hashPassword(password: string, salt: Buffer): string {
  const key = createHash("sha256").update(password).update(salt).digest("hex");
  return key;
}
const config = { apiKey: process.env.OPENAI_API_KEY, baseUrl: "https://api.openai.com/v1", maxTokens: 1024 };
if (!config.apiKey) throw new Error("Set OPENAI_API_KEY to your key");
const headers = { Authorization: \`Bearer \${config.apiKey}\`, "Content-Type": "application/json" };
const sha512 = "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e";
const path = "/home/user/.ssh/id_rsa.pub"; // the public half
`;
    expect(foundIn(code)).toEqual([]);
  });

  it("report their throughput on mixed text (a log line, not an assertion)", () => {
    const mixed = [
      'const password = process.env.DB_PASSWORD ?? "";\nfunction connect(url: string) { return fetch(url); }\n',
      "The patient was seen on Tuesday; follow-up in two weeks. Call 555-0100 for details.\n",
      "export AWS_ACCESS_KEY_ID=AKIAUJZDE8GXD6NCF10E\nexport AWS_SECRET_ACCESS_KEY=El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5\n",
      "## Setup\nRun `npm install`, then `npm test`. See https://example.com/docs for details.\n",
    ]
      .join("")
      .repeat(2000);
    detectAll(mixed);
    const started = performance.now();
    const rounds = 5;
    for (let round = 0; round < rounds; round += 1) detectAll(mixed);
    const seconds = (performance.now() - started) / 1000 / rounds;
    console.info(`secret detectors: ${(mixed.length / 1024 / 1024 / seconds).toFixed(1)} MiB/s on ${(mixed.length / 1024).toFixed(0)} KiB of mixed text`);
    expect(seconds).toBeGreaterThan(0);
  });
});
