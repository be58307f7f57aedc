import { describe, expect, it } from "vitest";
import { entityDetector } from "./entity-detector.js";

/** The findings' type and text, in order. */
function findings(text: string): Array<[string, string]> {
  return entityDetector.detect(text).map((finding) => [finding.type, text.slice(finding.start, finding.end)]);
}

/** The LOCATION findings' text, in order. */
function locations(text: string): string[] {
  return entityDetector
    .detect(text)
    .filter((finding) => finding.type === "LOCATION")
    .map((finding) => text.slice(finding.start, finding.end));
}

describe("address finder: quoted blocks", () => {
  it("keeps the unit, town and country lines of an address quoted with '> '", () => {
    const text = "> Thanks,\n> 12 Main Street\n> Suite 5\n> Springfield, IL 62704\n> USA";
    expect(locations(text)).toEqual(["12 Main Street", "Suite 5", "Springfield, IL 62704", "USA"]);
  });

  it("keeps a quoted address's town and country lines, one finding a line", () => {
    const text = "> Jan Novak\n> 4521 Oak Avenue\n> Apt. 17\n> Riverside\n> Canada 40021";
    expect(locations(text)).toEqual(["4521 Oak Avenue", "Apt. 17", "Riverside", "Canada 40021"]);
  });

  it("follows the marks the street's own line opens with", () => {
    expect(locations("| 4521 Oak Avenue\n| Apt. 17\n| Riverside")).toEqual(["4521 Oak Avenue", "Apt. 17", "Riverside"]);
  });

  it("reads a lone question mark at a line's start as no quote mark", () => {
    expect(locations("? 4521 Oak Avenue\n? Apt. 17")).toEqual(["4521 Oak Avenue"]);
  });

  it("follows bullets a lossy encoding turned into question marks or replacement characters", () => {
    expect(locations("??? 4521 Oak Avenue\n??? Apt. 17\n??? Riverside")).toEqual(["4521 Oak Avenue", "Apt. 17", "Riverside"]);
    expect(locations("\uFFFD 4521 Oak Avenue\n\uFFFD Apt. 17")).toEqual(["4521 Oak Avenue", "Apt. 17"]);
    expect(locations("??? 4521 Oak Avenue\n* Apt. 17")).toEqual(["4521 Oak Avenue"]);
  });

  it("does not run on into a bulleted list that the street's line did not open with", () => {
    expect(locations("Ship to 12 Main Street\n- Suite 5 of the tests passed")).toEqual(["12 Main Street"]);
  });
});

describe("address finder: Central and Northern European streets", () => {
  it("takes the house number after a Hungarian street word, with its dot", () => {
    expect(locations("Send it to 1061 Andrássy út 22. Apt. 4, Budapest, Hungary")).toEqual(["1061 Andrássy út 22. Apt. 4, Budapest, Hungary"]);
    expect(locations("Our office is at Váci u. 5.")).toEqual(["Váci u. 5."]);
    expect(locations("We met at kossuth lajos tér 1.")).toEqual(["kossuth lajos tér 1."]);
  });

  it("reads Nordic, Estonian and Slovene street words written apart", () => {
    expect(locations("Visit us at Karl Johans gate 22 in spring")).toContain("Karl Johans gate 22");
    expect(locations("The shop is at Narva tee 41")).toEqual(["Narva tee 41"]);
    expect(locations("Dunajska cesta 156, Ljubljana")).toEqual(["Dunajska cesta 156, Ljubljana"]);
  });

  it("leaves English uses of those words alone", () => {
    expect(locations("Boarding gate 23 closes at 10:45")).toEqual([]);
    expect(locations("The tee 3 shot was long")).toEqual([]);
  });

  it("reads no logic gate as a Norwegian street", () => {
    for (const text of ["CNOT gate 2", "XOR gate 5", "NAND gate 3", "Hadamard gate 1", "Toffoli gate 3", "foo gate 2"]) expect(locations(text)).toEqual([]);
    expect(locations("Thorvald Meyers gate 5, Oslo")).toEqual(["Thorvald Meyers gate 5, Oslo"]);
  });

  it("reads no 'str' in code talk as a German street", () => {
    for (const text of ["int str 2", "Use gcc str 5", "Cython str 3"]) expect(locations(text)).toEqual([]);
    expect(locations("Berliner Str. 12, 10115 Berlin")).toEqual(["Berliner Str. 12, 10115 Berlin"]);
  });

  it("reads the German 'u.' for 'und' as no Hungarian street word", () => {
    expect(locations("Herr Schmidt u. 3 Kollegen")).toEqual([]);
    expect(findings("Herr Schmidt u. 3 Kollegen")).toContainEqual(["PERSON", "Schmidt"]);
    expect(locations("Váci u. 5, 1052 Budapest")).toEqual(["Váci u. 5, 1052 Budapest"]);
    expect(locations("Find us at Victor Hugo u. 12. today")).toEqual(["Victor Hugo u. 12."]);
    expect(locations("Mark tee 3 went wide")).toEqual([]);
  });

  it("stops a street name before the unit that follows it", () => {
    expect(locations("deliver to 18 Rue Lepic Apt. 3\nPARIS, 75018")).toEqual(["18 Rue Lepic Apt. 3\nPARIS, 75018"]);
  });
});

describe("address finder: towns and countries in an address", () => {
  it("reads a Greek town written with the increment sign for delta", () => {
    const text = "14 Main Street\n Apt. 2\n ΑΓΙΑ ∆ΕΣΠΟΙΝΑ\n Greece 17456";
    expect(locations(text)).toEqual([text]);
  });

  it("ends a town in capitals at a country or region code, not at the sentence's next word", () => {
    expect(locations("It went to 9 Timber Drive Suite 3 WALLAROO Australia last week.")).toEqual(["9 Timber Drive Suite 3 WALLAROO Australia"]);
  });

  it("takes a country's bracketed qualifier but not a year or a remark", () => {
    expect(locations("He moved to Cyprus (Turkish) last year")).toEqual(["Cyprus (Turkish)"]);
    expect(locations("Germany (2019) and France (see below)")).toEqual(["Germany", "France"]);
  });

  it("takes no English word after the street for a region code", () => {
    expect(locations("12 Main Street, in 2019 we left")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street, on 3 May")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street, Springfield, or 5 more")).toEqual(["12 Main Street, Springfield"]);
    expect(locations("12 Main Street, tx\n 73301")).toEqual(["12 Main Street, tx\n 73301"]);
  });

  it("takes a numbered region only before a postcode on the next line", () => {
    expect(locations("12 Main Street, 10 2024 was busy")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street, 21\n30120 Venezia")).toEqual(["12 Main Street, 21\n30120 Venezia"]);
  });

  it("ends a town at a known region code only, not at any word in capitals", () => {
    expect(locations("12 Main Street\nBring ID please")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street\nThen Ping IT today")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street\nCall Me AM later")).toEqual(["12 Main Street"]);
    expect(locations("12 Main Street\nSpringfield IL today")).toEqual(["12 Main Street\nSpringfield IL"]);
    expect(locations("12 Main Street\nLINZ OO after lunch")).toEqual(["12 Main Street\nLINZ OO"]);
    expect(locations("12 Main Street\nBRING ID please")).toEqual(["12 Main Street"]);
  });
});

describe("place finder: a town's region code", () => {
  it("takes a state code after a comma, but not a capitalised conjunction", () => {
    expect(locations("I moved to Austin, TX last year")).toEqual(["Austin, TX"]);
    expect(locations("We met in Portland, OR.")).toEqual(["Portland, OR"]);
    expect(findings("Take Austin, OR Dallas")).toEqual([["PERSON", "Austin"], ["PERSON", "Dallas"]]);
  });
});
