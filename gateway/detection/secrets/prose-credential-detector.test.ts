import { describe, expect, it } from "vitest";
import { proseCredentialDetector } from "./prose-credential-detector.js";

const found = (text: string) => proseCredentialDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("credentials told in sentences", () => {
  it("finds a quoted password after is, was, be or to", () => {
    expect(found("The password is 'Secret123'")).toEqual(["Secret123"]);
    expect(found('ensure the password is "centipede" and press On')).toEqual(["centipede"]);
    expect(found("The default password for the user \"pyne-user\" is \"pyne\".")).toEqual(["pyne"]);
    expect(found("Set the passphrase to `orange-Kite-42` first.")).toEqual(["orange-Kite-42"]);
  });

  it("finds a token announced on its own line", () => {
    const text = "An admin user has been created.\nPlease use the following password to proceed to installation:\n\nbd9627decc6346d780b3b6ab6ea8fe1f\n\nThis may also be found at: /var/jenkins_home";
    expect(found(text)).toEqual(["bd9627decc6346d780b3b6ab6ea8fe1f"]);
  });

  it("finds an unquoted password a person typed, without the sentence's punctuation", () => {
    expect(found("my password is Wint3rIsComing! and yours?")).toEqual(["Wint3rIsComing!"]);
    expect(found("The wifi passcode: tr0ub4dor&3.")).toEqual(["tr0ub4dor&3"]);
  });

  it("leaves unquoted words and placeholders alone", () => {
    expect(found("The password is required. The password is 8 characters long.")).toEqual([]);
    expect(found("The reset password is https://x.io/reset")).toEqual([]);
    expect(found("The password is incorrect, try again.")).toEqual([]);
    expect(found("My password is the name of my dog lol")).toEqual([]);
    expect(found('The password is "<your password>"')).toEqual([]);
    expect(found("Your token:\n  - expires in one hour\n")).toEqual([]);
  });
});

describe("keys named in sentences", () => {
  it("finds a random key after `is`, quoted or not", () => {
    expect(found("my api key is 0278fc1adf6dc1d82a156f306ce2c5cc, can you check it?")).toEqual(["0278fc1adf6dc1d82a156f306ce2c5cc"]);
    expect(found('The token was "Hy8fK2pQx7LmN4vRt9ZbW3cJ" yesterday.')).toEqual(["Hy8fK2pQx7LmN4vRt9ZbW3cJ"]);
  });

  it("leaves words and ordinary values after `is` alone", () => {
    expect(found("The secret is patience and practice.")).toEqual([]);
    expect(found("The token is https://example.com/docs/tokens for details")).toEqual([]);
    expect(found("the key is config.yaml in the repository root")).toEqual([]);
  });
});
