import { describe, expect, it } from "vitest";
import { credentialPairDetector } from "./credential-pair-detector.js";

const found = (text: string) => credentialPairDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("credentials handed over as a name and a value", () => {
  it("finds the value when the name calls for a credential of its shape", () => {
    expect(found('System.setProperty("javax.net.ssl.keyStorePassword", "K3ystore!pass");')).toEqual(["K3ystore!pass"]);
    expect(found('headers.put("X-Api-Key", "Hy8fK2pQx7LmN4vRt9ZbW3cJ");')).toEqual(["Hy8fK2pQx7LmN4vRt9ZbW3cJ"]);
    expect(found("property 'sonar.login', '826de5590c75919a8317fdface58206eebe7ebbc'")).toEqual(["826de5590c75919a8317fdface58206eebe7ebbc"]);
    expect(found("os.environ.setdefault('API_TOKEN', 'b7Qz9xLm2Rt5Kp8WvN3c')")).toEqual(["b7Qz9xLm2Rt5Kp8WvN3c"]);
  });

  it("also when an excerpt cuts the quotes off", () => {
    expect(found("sonar.login', '826de5590c75919a8317fdface58206eebe7ebbc")).toEqual(["826de5590c75919a8317fdface58206eebe7ebbc"]);
  });

  it("leaves field lists, labels, placeholders, weak values under hint names and other names alone", () => {
    expect(found('const redacted = ["password", "secret", "token"];')).toEqual([]);
    expect(found('t("password", "Passwort")')).toEqual([]);
    expect(found('put("password", "Password")')).toEqual([]);
    expect(found('setProperty("db.password", "${DB_PASSWORD}")')).toEqual([]);
    expect(found("property 'sonar.login', 'admin'")).toEqual([]);
    expect(found('map.put("username", "alice.smith")')).toEqual([]);
    expect(found('log("token", "refreshed")')).toEqual([]);
  });
});
