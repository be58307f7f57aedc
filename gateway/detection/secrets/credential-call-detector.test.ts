import { describe, expect, it } from "vitest";
import { credentialCallDetector } from "./credential-call-detector.js";

const found = (text: string) => credentialCallDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("credentials passed to calls by position", () => {
  it("finds the password argument, the value only", () => {
    expect(found('sender.Credentials = new NetworkCredential("ci@example.com", "vzihlaquknriqlht");')).toEqual(["vzihlaquknriqlht"]);
    expect(found('requests.get(url, auth=HTTPBasicAuth("user", "B4sic-pass"))')).toEqual(["B4sic-pass"]);
    expect(found('server.login(sender, "Sm7p-pass")')).toEqual(["Sm7p-pass"]);
    expect(found("requests.get(url, auth=('user', 'Tupl3-pass'))")).toEqual(["Tupl3-pass"]);
    expect(found('New-Object DirectoryServices.DirectoryEntry("LDAP://10.10.10.1","domain\\user", "secret")')).toEqual(["secret"]);
    expect(found('$p = ConvertTo-SecureString "P0wer!Shell" -AsPlainText -Force')).toEqual(["P0wer!Shell"]);
    expect(found('dataSource.setPassword("Spr1ng-pass");')).toEqual(["Spr1ng-pass"]);
    expect(found('client.withApiKey("Hy8fK2pQx7LmN4vRt9ZbW3cJ")')).toEqual(["Hy8fK2pQx7LmN4vRt9ZbW3cJ"]);
  });

  it("leaves variables and empty strings alone", () => {
    expect(found("new NetworkCredential(user, password)")).toEqual([]);
    expect(found('new NetworkCredential("user", "")')).toEqual([]);
    expect(found('server.login(user, os.environ["SMTP_PASSWORD"])')).toEqual([]);
    expect(found('setPassword("${SMTP_PASSWORD}")')).toEqual([]);
  });
});
