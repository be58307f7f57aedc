import { describe, expect, it } from "vitest";
import { findingTypes } from "../../../shared/findings.js";
import { structuredDetectors } from "./index.js";

function detectAll(text: string): string[] {
  return structuredDetectors.flatMap((detector) => detector.detect(text).map((finding) => `${finding.type}:${text.slice(finding.start, finding.end)}`));
}

describe("structuredDetectors", () => {
  it("returns well-formed findings with UTF-16 offsets", () => {
    const text = "😀 Mail jane@example.org, call +44 20 7946 0958, card 4539 1488 0343 6467 🎉";
    for (const detector of structuredDetectors) {
      for (const finding of detector.detect(text)) {
        expect(findingTypes).toContain(finding.type);
        expect(finding.detector).toBe(detector.id);
        expect(finding.start).toBeGreaterThanOrEqual(0);
        expect(finding.end).toBeGreaterThan(finding.start);
        expect(finding.end).toBeLessThanOrEqual(text.length);
      }
    }
    expect(detectAll(text)).toEqual(["EMAIL:jane@example.org", "CREDIT_CARD:4539 1488 0343 6467", "PHONE:+44 20 7946 0958"]);
  });

  it("stays quiet on developer text: hashes, UUIDs, versions, timestamps, ports, line numbers", () => {
    const developerText = [
      "commit 3f2a9bc1e4d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9 (HEAD -> main), tag v2.14.3, build 20240312.4",
      "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      "request 123e4567-e89b-12d3-a456-426614174000 at 2024-03-12T10:30:00.123Z took 1234 ms",
      "  at handleRequest (src/server/index.ts:1234:56)\n  at Object.<anonymous> (node_modules/foo/lib/index.js:10:5)",
      "app.listen(8080, '0.0.0.0'); fetch('http://localhost:3000/api/v1/users?page=2&limit=50')",
      "const ratio = 1234567 / 7654321; const big = 12345678901234567890n; let x = 0x7fffffff;",
      "os.path.join(base, 'config.yaml'); logger.info(user.email); require('./package.json')",
      "Python 3.11.4, Node v20.19.0, OpenSSL 3.0.13, Chrome/120.0.6099.109, Windows 10.0.19045.3693",
      "rows 1-1000 of 25,431,000; epoch 1700000000; pid 48213; port 5432; exit code 137; line 40213",
      "SELECT * FROM orders WHERE id IN (10452, 10453, 10454) AND total > 1999.99 LIMIT 100 OFFSET 2000;",
      "np.zeros((1024, 768, 3)); df.groupby('year').sum(); plt.show(); torch.cuda.is_available()",
      "| 2021 | 2022 | 2023 |\n| 1,204 | 1,398 | 1,577 |",
    ];
    for (const text of developerText) expect(detectAll(text), text).toEqual([]);
  });

  it("finishes on pathological input", () => {
    const inputs = [
      "1".repeat(200_000),
      ".".repeat(200_000),
      "1-".repeat(100_000),
      "1 ".repeat(100_000),
      "a.".repeat(100_000),
      "a".repeat(200_000) + "@",
      "a@".repeat(100_000),
      ":".repeat(200_000),
      "0:".repeat(100_000),
      "+1 (".repeat(50_000),
      "passport ".repeat(20_000),
      "born on ".repeat(20_000),
      "http://" + "a".repeat(200_000),
      "www." + "a.".repeat(100_000),
      "[at] ".repeat(40_000),
      "4539 ".repeat(40_000),
      "GB82 ".repeat(40_000),
    ];
    for (const input of inputs) {
      for (const detector of structuredDetectors) expect(Array.isArray(detector.detect(input))).toBe(true);
    }
  });
});
