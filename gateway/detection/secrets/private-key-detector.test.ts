import { describe, expect, it } from "vitest";
import { privateKeyDetector } from "./private-key-detector.js";

const found = (text: string) => privateKeyDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

// A made-up body: key-like base64 lines, not a key.
const body = [
  "MIIEpAIBAAKCAQEAq7BFUJBqUMTtPnnnW/5hx2e4LvBP6BrBIcRVNlsRC1ZxbRDT",
  "qfbr3K2d1Vm8kV6um4yvMpy62O6SQ1IEE1HSa2bBXZ53Ncqe28ajY75FnCttn6kf",
  "aqZKm4bV3AyAVHnyrvWdFrK9xiRGHOY32nfr5pLWxm090I5Qe43W6T8ygpnnhcc8",
  "26ZWOf0WOOsEgigYWPnsuvBqbwq7sdTWx6uX9M==",
];

function armoured(label: string, lines = body): string {
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join("\n");
}

describe("private keys", () => {
  for (const label of ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK"]) {
    it(`finds a whole ${label} block, markers included`, () => {
      const key = armoured(label);
      expect(found(`here is my key:\n${key}\nthanks`)).toEqual([key]);
    });
  }

  it("finds a key written inside a JSON string with escaped line breaks (a GCP service account)", () => {
    const key = `-----BEGIN PRIVATE KEY-----\\n${body.join("\\n")}\\n-----END PRIVATE KEY-----\\n`;
    const json = `{"type": "service_account", "private_key_id": "x", "private_key": "${key}", "client_email": "a@b.iam.gserviceaccount.com"}`;
    expect(found(json)).toEqual([key.slice(0, -2)]);
  });

  it("finds a key that lost its END line, up to the end of its body", () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\n${body.slice(0, 3).join("\n")}\n\nThe rest of the message.`;
    expect(found(text)).toEqual([`-----BEGIN RSA PRIVATE KEY-----\n${body.slice(0, 3).join("\n")}`]);
  });

  it("finds an encrypted PEM with its headers", () => {
    const key = armoured("RSA PRIVATE KEY", ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC,0123ABCD", "", ...body]);
    expect(found(key)).toEqual([key]);
  });

  it("finds a PuTTY key file through its MAC line", () => {
    const key = [
      "PuTTY-User-Key-File-3: ssh-ed25519",
      "Encryption: none",
      "Comment: me@laptop",
      "Public-Lines: 2",
      body[0],
      body[1],
      "Private-Lines: 1",
      body[2],
      "Private-MAC: 5f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    ].join("\n");
    expect(found(`${key}\nend`)).toEqual([key]);
  });

  it("finds a base64-encoded PEM and a header-less OpenSSH key body", () => {
    const encoded = Buffer.from(armoured("RSA PRIVATE KEY")).toString("base64");
    expect(found(`PRIVATE_KEY_B64=${encoded}`)).toEqual([encoded]);
    const openssh = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQAAACB";
    expect(found(`key: ${openssh}`)).toEqual([openssh]);
  });

  it("leaves markers without a key, public keys and certificates alone", () => {
    expect(found('if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) return parse(pem);')).toEqual([]);
    expect(found(armoured("PRIVATE KEY", ["..."]))).toEqual([]);
    const certificateBody = ["MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ", "RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQLEwpDeWJlclRydXN0MSIwIAYD"];
    expect(found(armoured("PUBLIC KEY", certificateBody))).toEqual([]);
    expect(found(armoured("CERTIFICATE", certificateBody))).toEqual([]);
    expect(found(Buffer.from(armoured("CERTIFICATE", certificateBody)).toString("base64"))).toEqual([]);
  });
});
