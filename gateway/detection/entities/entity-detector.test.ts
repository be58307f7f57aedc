import { describe, expect, it } from "vitest";
import { entityDetector } from "./entity-detector.js";
import { entityDetectors } from "./index.js";

/** The findings as `TYPE: text` strings, in order. */
function found(text: string): string[] {
  return entityDetector.detect(text).map((finding) => `${finding.type}: ${text.slice(finding.start, finding.end)}`);
}

function foundText(text: string): string[] {
  return entityDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));
}

describe("entity detector: people", () => {
  it("finds full names, titled names and initials", () => {
    expect(found("Please ask Dr. Maria Schneider about the results.")).toContain("PERSON: Maria Schneider");
    expect(found("The report was written by Faina D. Yefremova last year.")).toContain("PERSON: Faina D. Yefremova");
    expect(found("Can you forward this to Mr O'Connell?")).toContain("PERSON: O'Connell");
    expect(found("Ludwig van Beethoven wrote nine symphonies.")).toContain("PERSON: Ludwig van Beethoven");
  });

  it("reads cues: names, greetings, relations and speakers", () => {
    expect(found("Hi, my name is rose and I need help")).toContain("PERSON: rose");
    expect(found("Dear Katrine, thanks for the documents.")).toContain("PERSON: Katrine");
    expect(found("My wife Grace will pick it up.")).toContain("PERSON: Grace");
    expect(found("Nicole: Remember me?\nJohn: Of course.")).toEqual(expect.arrayContaining(["PERSON: Nicole", "PERSON: John"]));
    expect(found("follow up with patricia desrosiers in a couple of months")).toContain("PERSON: patricia desrosiers");
  });

  it("follows a name to its later mentions and to the names listed beside it", () => {
    const text = "Faina D. Yefremova wrote it. Nobody writes like Yefremova.";
    expect(foundText(text).filter((value) => value === "Yefremova")).toHaveLength(1);
    expect(foundText("The founders are Eklund, Michael and Hodge.")).toEqual(expect.arrayContaining(["Eklund", "Michael", "Hodge"]));
  });

  it("finds names in German, French, Spanish, Italian, Dutch and the Nordic languages", () => {
    expect(found("Sehr geehrte Frau Müller, Herr Peter Schmidt ruft morgen an.")).toEqual(expect.arrayContaining(["PERSON: Müller", "PERSON: Peter Schmidt"]));
    expect(found("Bonjour M. Dupont, je suis Marie Lefèvre.")).toEqual(expect.arrayContaining(["PERSON: M. Dupont", "PERSON: Marie Lefèvre"]));
    expect(found("Hola, me llamo Carmen García.")).toContain("PERSON: Carmen García");
    expect(found("Caro Marco, saluti da Giulia Bianchi.")).toEqual(expect.arrayContaining(["PERSON: Marco", "PERSON: Giulia Bianchi"]));
    expect(found("Beste Jan, groeten van Sanne de Vries.")).toContain("PERSON: Sanne de Vries");
    expect(found("Hej Lars! Hälsningar, Karin Johansson")).toEqual(expect.arrayContaining(["PERSON: Lars", "PERSON: Karin Johansson"]));
  });
});

describe("entity detector: places and addresses", () => {
  it("covers a whole multi-line street address", () => {
    const text = "Billing address: Sara Schwarz\n    28245 Puruntie 82 Apt. 595\n   LAPPEENRANTA\n    SK\n    53650";
    expect(found(text)).toContain("LOCATION: 28245 Puruntie 82 Apt. 595\n   LAPPEENRANTA\n    SK\n    53650");
  });

  it("reads the street shapes of several countries", () => {
    expect(found("Send it to 221B Baker Street, London NW1 6XE please.")).toContain("LOCATION: 221B Baker Street, London NW1 6XE");
    expect(found("Er wohnt in der Hauptstraße 5, 10115 Berlin.")).toContain("LOCATION: Hauptstraße 5, 10115 Berlin");
    expect(found("Elle habite 12 rue de la Paix, 75002 Paris.")).toContain("LOCATION: 12 rue de la Paix, 75002 Paris");
    expect(found("Vivo en Calle Mayor 10, Madrid.")).toContain("LOCATION: Calle Mayor 10, Madrid");
    expect(found("L'ufficio è in Via dei Fiorentini 17, Roma.")).toContain("LOCATION: Via dei Fiorentini 17, Roma");
    expect(found("Adres: Keizersgracht 123, 1015 CJ Amsterdam")).toContain("LOCATION: Keizersgracht 123, 1015 CJ Amsterdam");
    expect(found("Vi bor på Søndergade 52, Aalborg.")).toContain("LOCATION: Søndergade 52, Aalborg");
    expect(found("Ship it to PSC 0413, Box 8144\nAPO AA 42323")).toContain("LOCATION: PSC 0413, Box 8144\nAPO AA 42323");
  });

  it("finds towns and countries, and names a cue places", () => {
    expect(found("I will be travelling to Canada next week.")).toContain("LOCATION: Canada");
    expect(found("We moved here from Kenosha")).toContain("LOCATION: Kenosha");
    expect(found("I'm in Flateyri, at the conference")).toContain("LOCATION: Flateyri");
    expect(found("My zip code is 90210")).toContain("LOCATION: 90210");
  });
});

describe("entity detector: organisations", () => {
  it("finds legal forms, organisation words and cues", () => {
    expect(found("She works at Allianz Global Investors GmbH.")).toContain("ORGANIZATION: Allianz Global Investors GmbH");
    expect(found("Invoices go to Shepherd Ltd. every month.")).toContain("ORGANIZATION: Shepherd Ltd.");
    expect(found("He studied at the University of Helsinki.")).toContain("ORGANIZATION: University of Helsinki");
    expect(found("I work for Avalara")).toContain("ORGANIZATION: Avalara");
    expect(found("Lopez, Santos and Coleman is a design agency based in Lisbon.")).toContain("ORGANIZATION: Lopez, Santos and Coleman");
  });

  it("takes the employer line of a signature block", () => {
    expect(found("Idris Ibragimov\nOnvia\n1317 Kimberly Way\nGrand Rapids, MI 49503")).toEqual(
      expect.arrayContaining(["PERSON: Idris Ibragimov", "ORGANIZATION: Onvia"]),
    );
  });
});

describe("entity detector: near misses", () => {
  it("leaves developer vocabulary, code and identifiers alone", () => {
    expect(found("We deploy to EKS and store files in S3; the C4 model in React talks to Kubernetes on GitHub. Python is great.")).toEqual([]);
    expect(found("class UserService extends BaseService { constructor(private readonly repo: UserRepository) {} }")).toEqual([]);
    expect(found("See src/components/UserCard.tsx and config.yaml, then call getUserName() or user_name.")).toEqual([]);
    expect(found("```python\ndef greet(name):\n    print(f'Hello {name}')\n```")).toEqual([]);
  });

  it("leaves days, months, greetings and sentence openings alone", () => {
    expect(found("On Monday we meet in March. Thanks, see you in June!")).toEqual([]);
    expect(found("Welcome to the channel. This is so good. Please subscribe.")).toEqual([]);
    expect(found("THIS IS SO GOOD OMG")).toEqual([]);
    expect(found("Capitalized words like Wisdom and Discipline are often mistaken with names")).toEqual([]);
  });

  it("does not take German nouns for names", () => {
    expect(found("Die Schule beginnt am Montag und der Garten ist groß.")).toEqual([]);
  });

  it("still finds a full name inside code, and only that", () => {
    expect(found("// Author: Maria Schneider\nconst answer = 42;")).toEqual(["PERSON: Maria Schneider"]);
  });
});

describe("entity detector: contract", () => {
  it("is exported as the entity family", () => {
    expect(entityDetectors).toContain(entityDetector);
    expect(entityDetector.id).toBe("entities-v1");
  });

  it("returns sorted, non-overlapping findings with UTF-16 offsets inside the text", () => {
    const text = "😀 Ms. Zoë Ångström 👍 lives at Þorsteinsgata 63, 101 Reykjavík and works for Íslandsbanki hf.";
    const findings = entityDetector.detect(text);
    expect(findings.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const finding of findings) {
      expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
      expect(finding.end).toBeGreaterThan(finding.start);
      expect(finding.end).toBeLessThanOrEqual(text.length);
      expect(finding.detector).toBe("entities-v1");
      previousEnd = finding.end;
    }
    expect(foundText(text)).toContain("Zoë Ångström");
  });

  it("returns nothing for empty or letterless text", () => {
    expect(entityDetector.detect("")).toEqual([]);
    expect(entityDetector.detect("1234 5678 !!! ...")).toEqual([]);
  });

  it("finishes on long pathological input", () => {
    const text = [
      "Aaaa Bbbb ".repeat(5000),
      "Anna\n".repeat(5000),
      "12 Main Street, ".repeat(2000),
      "```\n".repeat(3000),
      "a/".repeat(20000),
      "O'".repeat(20000),
      "x".repeat(50000),
      "Dr. Anna Smith, 12 Rue de la Paix, 75002 Paris, Acme GmbH\n".repeat(500),
    ].join("\n");
    const findings = entityDetector.detect(text);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.end).toBeLessThanOrEqual(text.length);
  });
});
