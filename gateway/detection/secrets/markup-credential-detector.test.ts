import { describe, expect, it } from "vitest";
import { markupCredentialDetector } from "./markup-credential-detector.js";

const found = (text: string) => markupCredentialDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("credentials in XML configuration", () => {
  it("finds .NET and Spring key/value settings, the value only", () => {
    expect(found('<add key="FromEmailPassword" value="Prestigitariu$"/>')).toEqual(["Prestigitariu$"]);
    expect(found('<property name="password" value="Spr1ng-pass"/>')).toEqual(["Spr1ng-pass"]);
  });

  it("finds elements named after a credential", () => {
    expect(found("<server><id>repo</id><username>deploy</username><password>M4ven-pass</password></server>")).toEqual(["M4ven-pass"]);
    expect(found("<apiKey>Hy8fK2pQx7LmN4vRt9ZbW3cJ</apiKey>")).toEqual(["Hy8fK2pQx7LmN4vRt9ZbW3cJ"]);
  });

  it("leaves other settings, encrypted values and placeholders alone", () => {
    expect(found('<add key="FromEmailAddress" value="killer.joe@example.com"/>')).toEqual([]);
    expect(found("<password>{COQLCE6DU6GtcS5P=}</password>")).toEqual([]);
    expect(found("<password>${env.MAVEN_PASSWORD}</password>")).toEqual([]);
    expect(found("<keyName>primary</keyName>")).toEqual([]);
  });
});
