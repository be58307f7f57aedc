import { describe, expect, it } from "vitest";
import { entityDetector } from "./entity-detector.js";
import { institutionEndingIn } from "./institution-finder.js";
import { TextAnalysis } from "./text-analysis.js";

/** The findings as `TYPE: text` strings, in order. */
function found(text: string): string[] {
  return entityDetector.detect(text).map((finding) => `${finding.type}: ${text.slice(finding.start, finding.end)}`);
}

/** What the institution finder alone proposes, as text, in order. */
function institutions(text: string): string[] {
  const analysis = new TextAnalysis(text);
  const names: string[] = [];
  for (let index = 0; index < analysis.tokens.length; index++) {
    const candidate = institutionEndingIn(analysis, index);
    if (candidate !== undefined) names.push(text.slice(candidate.start, candidate.end));
  }
  return names;
}

describe("organisations: names before a legal form", () => {
  it("keeps a leading number, a title word, a nationality and the form's possessive", () => {
    expect(found("I work for 48 Factoring Inc")).toContain("ORGANIZATION: 48 Factoring Inc");
    expect(found("I work for Aunt Bertha Inc")).toContain("ORGANIZATION: Aunt Bertha Inc");
    expect(found("He drove for American Red Ball Movers last year")).toContain("ORGANIZATION: American Red Ball Movers");
    expect(found("Jeremy Hartmann of Gradiant Research LLC's board")).toEqual(["PERSON: Jeremy Hartmann", "ORGANIZATION: Gradiant Research LLC"]);
  });

  it("does not take a year for part of the name", () => {
    expect(found("In 2008 Acme Inc grew")).toContain("ORGANIZATION: Acme Inc");
  });

  it("reads a lower-case name before an unmistakable legal form, not ordinary words", () => {
    expect(found("selma is from stillwater supercomputing inc.")).toContain("ORGANIZATION: stillwater supercomputing inc.");
    expect(found("we met the company inc")).toEqual([]);
  });
});

describe("organisations: firms named after partners, and lists", () => {
  it("takes a list of surnames joined by commas and 'and' as one firm", () => {
    expect(found("Tomomi is from Hawkins, Richardson and Santana")).toContain("ORGANIZATION: Hawkins, Richardson and Santana");
    expect(found("Procter & Gamble and Johnson & Johnson")).toEqual(expect.arrayContaining(["ORGANIZATION: Johnson & Johnson"]));
  });

  it("leaves lists of first names, and '&' between ordinary words, to other readings", () => {
    expect(found("I met Anna, Ben and Carl.")).toEqual(["PERSON: Anna", "PERSON: Ben", "PERSON: Carl"]);
    expect(found("Browse Action & Adventure or Mystery & Suspense.")).toEqual([]);
  });

  it("takes the names listed beside an organisation", () => {
    expect(found("Sponsors: Bekins, Enervee Corporation and Civic Insight.")).toContain("ORGANIZATION: Civic Insight");
    expect(found("Sponsors: Infocommerce Group, Citigroup and Karmadata.")).toEqual(
      expect.arrayContaining(["ORGANIZATION: Infocommerce Group", "ORGANIZATION: Karmadata"]),
    );
  });
});

describe("organisations: context", () => {
  it("reads what companies do and where they stand", () => {
    expect(found("During 1984, The Vanguard Group invested heavily in new machines.")).toContain("ORGANIZATION: The Vanguard Group");
    expect(found("Collective Ip is the brainchild of our 3 founders.")).toContain("ORGANIZATION: Collective Ip");
    expect(found("The following year he was at Walk Score in Ålesund.")).toContain("ORGANIZATION: Walk Score");
    expect(found("The firm later became Adaptive in 2001.")).toContain("ORGANIZATION: Adaptive");
    expect(found("The Mint office is on the corner.")).toContain("ORGANIZATION: Mint");
  });

  it("does not take a person for a company because of a verb", () => {
    expect(found("Anna announced the results.")).not.toContain("ORGANIZATION: Anna");
  });
});

describe("organisations: names from their writing", () => {
  it("takes capitalised words inside a sentence, capitalised links included", () => {
    expect(found("The address of Compliance And Risks is on file.")).toContain("ORGANIZATION: Compliance And Risks");
    expect(found("the first verse of her Rivet Software resignation letter")).toContain("ORGANIZATION: Rivet Software");
  });

  it("takes one capitalised rare word inside a sentence, not at its start", () => {
    expect(found("We'll meet Tuesday at Locavore, the new place.")).toContain("ORGANIZATION: Locavore");
    expect(found("Zeitgeist matters more than ever.")).toEqual([]);
  });

  it("leaves sentence openings, shouting, phrases and events alone", () => {
    expect(found("Thank You for coming.")).toEqual([]);
    expect(found("MASSIVE GIVEAWAY TODAY")).toEqual([]);
    expect(found("I Want You To Know About it")).toEqual([]);
    expect(found("We close on Labor Day and after the Civil Rights Act debate.")).toEqual([]);
    expect(found("Capitalized words like Wisdom and Discipline are often mistaken with names")).toEqual([]);
  });

  it("takes a camel-case brand in prose, never a class name or anything in a text with code", () => {
    expect(found("Looking to support MysticWeb this year")).toContain("ORGANIZATION: MysticWeb");
    expect(found("the HttpClient retries twice and the UserService logs it")).toEqual([]);
    expect(found("Use MysticWeb like this: `const web = new MysticWeb()`")).toEqual([]);
    expect(found("Connect-VIServer $host.EsxiHost -user $user")).toEqual([]);
  });
});

describe("organisations: well-known names", () => {
  it("finds them in any case when no dictionary has the word, with capitals otherwise", () => {
    expect(found("a lenovo yoga laptop")).toEqual(["ORGANIZATION: lenovo"]);
    expect(found("I remember it being on Nickelodeon or some other channel")).toContain("ORGANIZATION: Nickelodeon");
    expect(found("If you book and fly with United after that")).toContain("ORGANIZATION: United");
    expect(found("Why are you bringing this up now NBC , what")).toContain("ORGANIZATION: NBC");
    expect(found("Marcelo is the star of real madrid")).toContain("ORGANIZATION: real madrid");
  });

  it("leaves the ordinary word, the longer name, the lower-case acronym and developer vocabulary alone", () => {
    expect(found("an apple a day and united we stand")).toEqual([]);
    expect(found("She moved to the United States of America")).not.toContain("ORGANIZATION: United");
    expect(found("the nba-scores package")).toEqual([]);
    expect(found("We deploy to EKS and store files in S3; the C4 model in React talks to Kubernetes on GitHub.")).toEqual([]);
  });
});

describe("organisations: hospitals, colleges and other institutions", () => {
  it("takes a saint's name, its possessive and the institution word as one name", () => {
    expect(found("She was seen at St Bridget's Hospital yesterday.")).toEqual(["ORGANIZATION: St Bridget's Hospital"]);
    expect(found("He works at St. Ambrose Children's Research Hospital in Memphis.")).toEqual([
      "ORGANIZATION: St. Ambrose Children's Research Hospital",
      "LOCATION: Memphis",
    ]);
    expect(found("Treated at St Thomas' Hospital in London.")).toEqual(["ORGANIZATION: St Thomas' Hospital", "LOCATION: London"]);
    expect(found("Saint Luke's Medical Center in Kansas City")).toContain("ORGANIZATION: Saint Luke's Medical Center");
    expect(found("At St Mary's Hospital we met.")).toEqual(["ORGANIZATION: St Mary's Hospital"]);
  });

  it("reads a title before the institution word as part of the name, not as a person's title", () => {
    expect(found("Admitted to Massachusetts General Hospital on Monday.")).toEqual(["ORGANIZATION: Massachusetts General Hospital"]);
    expect(found("She is at General Hospital.")).toEqual(["ORGANIZATION: General Hospital"]);
    expect(found("Born at the Royal Lancaster Hospital.")).toEqual(["ORGANIZATION: Royal Lancaster Hospital"]);
  });

  it("still reads a person after a title", () => {
    expect(found("General Patton said no.")).toEqual(["PERSON: Patton"]);
    expect(found("Dr. Mary Jones said yes.")).toEqual(["PERSON: Mary Jones"]);
    expect(found("Yesterday Mr Church said hello.")).toEqual(["PERSON: Church"]);
  });

  it("joins two saints with 'and', and takes the place that follows a college", () => {
    expect(found("Guy's and St Thomas' NHS Foundation Trust said")).toEqual(["ORGANIZATION: Guy's and St Thomas' NHS Foundation Trust"]);
    expect(found("She studied at King's College London.")).toEqual(["ORGANIZATION: King's College London"]);
    expect(found("He was at St Oswin's College, last year.")).toEqual(["ORGANIZATION: St Oswin's College"]);
  });

  it("reads lower-case words inside a name opened by the institution word", () => {
    expect(found("à l'Hôpital Saint-Louis à Paris")).toContain("ORGANIZATION: Hôpital Saint-Louis");
    expect(found("im Klinikum rechts der Isar in München")).toContain("ORGANIZATION: Klinikum rechts der Isar");
  });

  it("leaves people called Church to the person finder", () => {
    expect(found("Alonzo Church invented lambda calculus")).toEqual(["PERSON: Alonzo Church"]);
    expect(found("Charlotte Church sang")).toEqual(["PERSON: Charlotte Church"]);
    expect(found("Senator Frank Church led")).toEqual(["PERSON: Frank Church"]);
    expect(found("We met at St Michael's Church.")).toEqual(["ORGANIZATION: St Michael's Church"]);
  });

  it("joins with 'and' only a possessive or a saint, not any capitalised word", () => {
    expect(found("I called Dr Smith and St Mary's Hospital.")).toEqual(["PERSON: Smith", "ORGANIZATION: St Mary's Hospital"]);
    expect(found("Alice and St Mary's Hospital staff met.")).toEqual(["PERSON: Alice", "ORGANIZATION: St Mary's Hospital"]);
    expect(found("Treated at St John and St Elizabeth Hospital.")).toEqual(["ORGANIZATION: St John and St Elizabeth Hospital"]);
  });

  it("leaves out a verb that opens the sentence", () => {
    expect(found("Contact St Mary's Hospital")).toEqual(["ORGANIZATION: St Mary's Hospital"]);
    expect(found("Email King's College London")).toEqual(["ORGANIZATION: King's College London"]);
    expect(found("Ask Guy's and St Thomas' NHS Foundation Trust")).toEqual(["ORGANIZATION: Guy's and St Thomas' NHS Foundation Trust"]);
    expect(found("Choose Duke University")).toEqual(["ORGANIZATION: Duke University"]);
    expect(institutions("Is Santa Clara University open?")).toEqual(["Santa Clara University"]);
    expect(found("Royal Free Hospital is in London.")).toContain("ORGANIZATION: Royal Free Hospital");
  });

  it("takes a lone title only before a hospital word inside a sentence", () => {
    expect(found("Count Hospital entries in the table.")).toEqual([]);
    expect(institutions("## General Trust Settings")).toEqual([]);
    expect(found("The General Academy tab")).toEqual([]);
    expect(found("Royal Irish Academy members met.")).toContain("ORGANIZATION: Royal Irish Academy");
  });

  it("takes a trust only as a health or foundation trust", () => {
    expect(institutions("Add the Apple Root Certificate Authority Trust to the keychain")).toEqual([]);
    expect(institutions("Configure the Trust Store and Root Certificate Authority Trust")).toEqual([]);
    expect(institutions("We trust Microsoft Trust less.")).toEqual([]);
    expect(found("She joined Leeds Teaching Hospitals Trust.")).toEqual(["ORGANIZATION: Leeds Teaching Hospitals Trust"]);
    expect(found("She joined the Oxford Health Trust.")).toEqual(["ORGANIZATION: Oxford Health Trust"]);
  });

  it("does not read 'St.' across a sentence end or after a street name", () => {
    expect(found("I met him at Main St. Mary's Hospital is next door.")).not.toContain("ORGANIZATION: Main St. Mary's Hospital");
    expect(found("I met him at Main St. Mary's Hospital is next door.")).not.toContain("ORGANIZATION: St. Mary's Hospital");
    expect(institutions("I met John at St. Then Hospital.")).toEqual([]);
    expect(institutions("Visit St. Mary's Hospital.")).toEqual(["St. Mary's Hospital"]);
  });

  it("does not read a closing quote as a possessive", () => {
    expect(found("He said 'Collins' Hospital is closed.")).not.toContain("ORGANIZATION: Collins' Hospital");
  });

  it("leaves a kind of institution alone, and names inside code", () => {
    expect(found("The Children's Hospital was closed.")).toEqual([]);
    expect(found("Medical School starts soon.")).toEqual([]);
    expect(found("Run `open('St Bridget Hospital')` twice.")).toEqual([]);
  });
});

describe("organisations: names before an organisation word", () => {
  it("leaves out a verb or auxiliary that opens the sentence", () => {
    expect(found("Is Santa Clara University open?")).toEqual(["ORGANIZATION: Santa Clara University"]);
    expect(found("Does Stanford University offer it?")).toEqual(["ORGANIZATION: Stanford University"]);
    expect(found("Visit Acme Foundation today")).toEqual(["ORGANIZATION: Acme Foundation"]);
    expect(found("Contact Acme Foundation.")).toEqual(["ORGANIZATION: Acme Foundation"]);
    expect(found("Call the Acme Foundation.")).toEqual(["ORGANIZATION: Acme Foundation"]);
  });

  it("keeps the whole name inside a sentence and words institutions open with", () => {
    expect(found("I think Stanford University offers it.")).toEqual(["ORGANIZATION: Stanford University"]);
    expect(found("Stanford University offers it.")).toEqual(["ORGANIZATION: Stanford University"]);
    expect(found("Does Clean Power Finance exist?")).toEqual(["ORGANIZATION: Clean Power Finance"]);
    expect(found("Royal Society of Chemistry")).toEqual(["ORGANIZATION: Royal Society of Chemistry"]);
    expect(found("She wrote to the Royal Society of Chemistry.")).toEqual(["ORGANIZATION: Royal Society of Chemistry"]);
    expect(found("The Central Bank of Ireland said so.")).toEqual(["ORGANIZATION: Central Bank of Ireland"]);
  });

  it("keeps charitable and family trusts, and leaves out a verb before a trust", () => {
    expect(found("The grant came from the Wellcome Trust last year.")).toEqual(["ORGANIZATION: Wellcome Trust"]);
    expect(found("Assets of the John Doe Revocable Trust were moved.")).toEqual(["ORGANIZATION: John Doe Revocable Trust"]);
    expect(found("Call Northwind Trust today.")).toEqual(["ORGANIZATION: Northwind Trust"]);
    expect(found("Is Leeds Teaching Hospitals Trust open?")).toEqual(["ORGANIZATION: Leeds Teaching Hospitals Trust"]);
    expect(found("Visit Oxford Health Trust.")).toEqual(["ORGANIZATION: Oxford Health Trust"]);
  });
});
