import { describe, expect, it } from "vitest";
import { entityDetector } from "./entity-detector.js";
import { places } from "./place-lexicon.js";
import { TextAnalysis } from "./text-analysis.js";
import { tokenize } from "./tokenize.js";
import { findWellKnownPeople } from "./well-known-people.js";
import { wellKnownPeopleNames } from "./well-known-people-names.js";

/** The detector's findings as `TYPE: text` strings, in order. */
function found(text: string): string[] {
  return entityDetector.detect(text).map((finding) => `${finding.type}: ${text.slice(finding.start, finding.end)}`);
}

/** What the well-known-people finder alone proposes. */
function listed(text: string): string[] {
  return findWellKnownPeople(new TextAnalysis(text)).map((candidate) => text.slice(candidate.start, candidate.end));
}

describe("well-known people: full names", () => {
  it("finds a full name in any case, with or without accents and dots", () => {
    expect(found("listening to bruno mars today")).toEqual(["PERSON: bruno mars"]);
    expect(found("harry styles is so cute")).toContain("PERSON: harry styles");
    expect(listed("Mbappe and Mbappé both scored")).toEqual(["Mbappe", "Mbappé"]);
    expect(listed("Dr. Dre, Dr Dre and george w bush")).toEqual(["Dr. Dre", "Dr Dre", "george w bush"]);
    expect(listed("J . cole dropped an album")).toEqual(["J . cole"]);
  });

  it("keeps the longest name", () => {
    expect(found("George W. Bush spoke")).toEqual(["PERSON: George W. Bush"]);
    expect(listed("Martin Luther King Jr marched")).toEqual(["Martin Luther King Jr"]);
  });

  it("needs capitals for a full name made of ordinary words", () => {
    expect(listed("I saw Ice Cube live")).toEqual(["Ice Cube"]);
    expect(listed("put an ice cube in it")).toEqual([]);
    expect(listed("what a bad bunny")).toEqual([]);
  });
});

describe("well-known people: single names", () => {
  it("finds a name no dictionary has in any case", () => {
    expect(found("thanks rihanna")).toEqual(["PERSON: rihanna"]);
    expect(found("Neymar scored again")).toEqual(["PERSON: Neymar"]);
    expect(listed("I love beyonce")).toEqual(["beyonce"]);
    expect(listed("BEYONCE IS QUEEN")).toEqual(["BEYONCE"]);
  });

  it("finds an ordinary word capitalised inside a sentence, alone, after a title, or before a possessive", () => {
    expect(found("I think Trump is wrong")).toEqual(["PERSON: Trump"]);
    expect(listed("President Trump signed it")).toEqual(["Trump"]);
    expect(listed("we love Drake and Cher")).toEqual(["Drake", "Cher"]);
    expect(listed("Trump's tweets are wild")).toEqual(["Trump"]);
    expect(listed("Trump ' s tweets are wild")).toEqual(["Trump"]);
    expect(listed("Trump says the wall is great")).toEqual(["Trump"]);
    expect(listed("she is a Trump supporter")).toEqual(["Trump"]);
  });

  it("leaves the ordinary word alone", () => {
    expect(listed("played a trump card")).toEqual([]);
    expect(listed("a drake flew over the pond")).toEqual([]);
    expect(listed("the Drake was flying over the pond")).toEqual([]);
    expect(listed("under the Trump administration")).toEqual(["Trump"]);
    expect(listed("Pink is my favourite colour")).toEqual([]);
    expect(listed("I TRUMP YOU")).toEqual([]);
    expect(listed("Sir Francis Drake sailed")).toEqual([]);
    expect(listed("she wore Pink Lady shoes")).toEqual([]);
  });

  it("reads Prince as a title: Prince Harry is found, Prince of Persia is not", () => {
    expect(listed("I met Prince Harry")).toEqual(["Prince Harry"]);
    expect(listed("I played Prince of Persia")).toEqual([]);
    expect(listed("I love Prince")).toEqual([]);
    expect(wellKnownPeopleNames).not.toContain("Prince");
  });

  it("needs capitals for a name that is a common word of another European language", () => {
    expect(listed("Li ho messi sul tavolo")).toEqual([]);
    expect(listed("molti modi di farlo")).toEqual([]);
    expect(listed("Cuidados com a pele")).toEqual([]);
    expect(listed("nadal nie wiem")).toEqual([]);
    expect(listed("I think Messi scored again")).toEqual(["Messi"]);
    expect(listed("we met Modi and Pelé")).toEqual(["Modi", "Pelé"]);
    // A name that is nobody's word still counts in lower case.
    expect(listed("li ho visto beyonce e neymar")).toEqual(["beyonce", "neymar"]);
  });

  it("reads a colour or an option in a list as the word", () => {
    expect(found("Colors are Red, Pink and Orange")).toEqual([]);
    expect(listed("Supported themes: Dark, Light, Pink, Solarized")).toEqual([]);
    expect(found("Available colors: Red, Pink, Blue")).toEqual([]);
    expect(listed("Roles: Host, Usher and Greeter")).toEqual([]);
    expect(listed("Fragrance notes: Vanilla, Musk, Amber")).toEqual([]);
    expect(listed("Wasp, Sting, Bee")).toEqual([]);
    // Names listed together are still names.
    expect(listed("we love Drake and Cher")).toEqual(["Drake", "Cher"]);
    expect(listed("tickets for Usher, Drake and Sting")).toEqual(["Usher", "Drake", "Sting"]);
  });

  it("leaves a capitalised ordinary word alone in a language that capitalises nouns", () => {
    expect(listed("Die Kinder spielen mit der Katze, und Pink ist die Farbe, die wir mögen")).toEqual([]);
  });
});

describe("well-known people: acronyms", () => {
  it("finds an acronym name standing alone in a sentence", () => {
    expect(listed("I like SZA a lot")).toEqual(["SZA"]);
    expect(listed("did you see KSI box last night")).toEqual(["KSI"]);
  });

  it("leaves an acronym alone after a determiner or beside other capitals", () => {
    expect(listed("The KSI field in the NAS security mode command")).toEqual([]);
    expect(listed("set the KSI to 7")).toEqual([]);
    expect(listed("send KSI in the NAS message")).toEqual([]);
    expect(listed("I LOVE SZA SO MUCH")).toEqual([]);
  });

  it("judges each line on its own capitals", () => {
    expect(listed("send KSI in the NAS message\ndid you see KSI box")).toEqual(["KSI"]);
    expect(listed("did you see KSI box\nsend KSI in the NAS message")).toEqual(["KSI"]);
    expect(listed("I like SZA and KSI a lot")).toEqual(["SZA", "KSI"]);
  });
});

describe("well-known people: code", () => {
  it("finds nothing in code, whatever the spelling", () => {
    expect(found("const trump = 1;")).toEqual([]);
    expect(listed("```\nconst Trump = obama(messi);\n```")).toEqual([]);
    expect(listed("run `drake --build` now")).toEqual([]);
  });
});

describe("well-known people: the list", () => {
  it("finds every entry written as listed inside a sentence, so its key matches the tokenizer's words", () => {
    const missed = wellKnownPeopleNames.filter((name) => !listed(`I like ${name} a lot`).includes(name));
    expect(missed).toEqual([]);
  });

  it("finds entries with apostrophes, hyphens, dots and signs in running text", () => {
    expect(listed("Shaquille O'Neal's dunk was huge")).toEqual(["Shaquille O'Neal"]);
    expect(listed("then Jay-Z said no")).toEqual(["Jay-Z"]);
    expect(listed("we played Dr. Dre's album")).toEqual(["Dr. Dre"]);
    expect(listed("saw A$AP Rocky live")).toEqual(["A$AP Rocky"]);
  });

  it("holds no single name that reads as a country, a region or a big city first", () => {
    const clashes = wellKnownPeopleNames.filter((name) => {
      const words = tokenize(name);
      if (words.length !== 1) return false;
      const place = places().get(words[0]?.lower ?? "");
      return place !== undefined && (place.kind !== "city" || place.population >= 1_000_000);
    });
    expect(clashes).toEqual([]);
  });
});
