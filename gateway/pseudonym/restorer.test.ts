import { describe, expect, it } from "vitest";
import { PseudonymMap } from "./pseudonym-map.js";
import { Restorer } from "./restorer.js";

function mapWith(entries: Array<[type: "EMAIL" | "PERSON", value: string]>): PseudonymMap {
  const map = new PseudonymMap();
  for (const [type, value] of entries) map.placeholderFor(type, value);
  return map;
}

/** Feeds `text` split at every pair of cut points and checks the joined output each time. */
function everySplit(text: string, map: PseudonymMap, mode: "text" | "json", expected: string): number {
  let cases = 0;
  for (let first = 0; first <= text.length; first++) {
    for (let second = first; second <= text.length; second++) {
      const restorer = new Restorer(map, mode);
      const output = restorer.push(text.slice(0, first)) + restorer.push(text.slice(first, second)) + restorer.push(text.slice(second)) + restorer.flush();
      expect(output, `split at ${first}/${second}`).toBe(expected);
      cases++;
    }
  }
  return cases;
}

describe("Restorer", () => {
  const map = mapWith([
    ["EMAIL", "ada@example.com"],
    ["PERSON", 'Zoë "Z" Ørsted'],
  ]);

  it("restores placeholders split at every pair of positions", () => {
    const text = "Write to [EMAIL_1] now; [PERSON_1] said [EMAIL_1]. Ünïcödé 🎉 [x] [EMAIL_";
    const expected = 'Write to ada@example.com now; Zoë "Z" Ørsted said ada@example.com. Ünïcödé 🎉 [x] [EMAIL_';
    expect(everySplit(text, map, "text", expected)).toBeGreaterThan(1000);
  });

  it("escapes restored values inside JSON tool arguments", () => {
    const text = '{"to":"[EMAIL_1]","name":"[PERSON_1]"}';
    const expected = '{"to":"ada@example.com","name":"Zoë \\"Z\\" Ørsted"}';
    everySplit(text, map, "json", expected);
    expect(JSON.parse(expected)).toEqual({ to: "ada@example.com", name: 'Zoë "Z" Ørsted' });
  });

  it("leaves unknown or mangled placeholders as they are and counts them", () => {
    const restorer = new Restorer(map);
    const output = restorer.push("see [EMAIL_2] and [EMAIL 1] and [PERSON_1]") + restorer.flush();
    expect(output).toBe('see [EMAIL_2] and [EMAIL 1] and Zoë "Z" Ørsted');
    expect(restorer.unknownPlaceholders).toBe(1);
    expect(restorer.restored).toBe(1);
  });

  it("holds back no more than a placeholder's length", () => {
    const restorer = new Restorer(map);
    const emitted = restorer.push(`[${"A".repeat(60)}`);
    expect(emitted.length).toBe(61);
    expect(restorer.push("[EMAIL")).toBe("");
    expect(restorer.flush()).toBe("[EMAIL");
  });
});
