import { describe, expect, it } from "vitest";
import { classifySecretName, nameSegments } from "./secret-name.js";

describe("secret names", () => {
  it("splits names into words across conventions", () => {
    expect(nameSegments("fbApiKey")).toEqual(["fb", "api", "key"]);
    expect(nameSegments("AWS_SECRET_ACCESS_KEY")).toEqual(["aws", "secret", "access", "key"]);
    expect(nameSegments("X-Figma-Token")).toEqual(["x", "figma", "token"]);
    expect(nameSegments("PersonalAPIKey")).toEqual(["personal", "api", "key"]);
  });

  it("classifies by the last credential word", () => {
    expect(classifySecretName("db_password")).toBe("password");
    expect(classifySecretName("clientSecret")).toBe("password");
    expect(classifySecretName("jwtsecret")).toBe("password");
    expect(classifySecretName("GITHUB_TOKEN")).toBe("token");
    expect(classifySecretName("api_key")).toBe("token");
    expect(classifySecretName("SECRET_KEY")).toBe("token");
    expect(classifySecretName("ado_pat")).toBe("token");
    expect(classifySecretName("Jenkins-Crumb")).toBe("token");
    expect(classifySecretName("sonar.login")).toBe("hint");
    expect(classifySecretName("key")).toBe("hint");
    expect(classifySecretName("POSTMARK")).toBe("hint");
    expect(classifySecretName("config.facebook.key")).toBe("token");
  });

  it("lets qualifiers cancel the credential word", () => {
    for (const name of ["token_type", "max_tokens", "api_key_id", "password_reset_url", "secretName", "csrf_token", "public_key", "passwordLabel", "primary_key_id", "--password-stdin", "TWITTER_ID"]) {
      expect(classifySecretName(name), name).toBeUndefined();
    }
  });

  it("ignores names without a credential word", () => {
    for (const name of ["username", "author", "keyboard", "monkey", "tokens", "passenger", "host"]) {
      expect(classifySecretName(name), name).toBeUndefined();
    }
  });
});
