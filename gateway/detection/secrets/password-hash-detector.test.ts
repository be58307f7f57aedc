import { describe, expect, it } from "vitest";
import { passwordHashDetector } from "./password-hash-detector.js";

const found = (text: string) => passwordHashDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("password hashes", () => {
  it("finds the crypt(3) family, Argon2, Django PBKDF2 and Kerberos AS-REP hashes, exactly", () => {
    const hashes = [
      "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
      "$1$OKgLCmVl$d02jECa4DXn/oXX0R.MoQ/",
      "$6$qoE2letU$wWPRl.PVczjzeMVgjiA8LLy2nOyZbf7Amj3qLIL978o18gbMySdKZ7uepq9tmMQXxyTIrS12Pln.2Q/6Xscao0",
      "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQxMjM$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
      "pbkdf2_sha256$260000$a1B2c3D4e5F6$Zt3v0p9Jk2L8mN4qR6sT1uV5wX7yZ0aB2cD4eF6gH8i=",
      "$krb5asrep$23$user@example.com:3e156ada591263b8aab0965f5aebd837$007497cb51b6c8116d6407a782ea0e1c5402b17db7afa6b05a6d30ed164a9933c754d720e279",
    ];
    for (const hash of hashes) expect(found(`root:${hash}:19000:0:99999:7:::`), hash).toEqual([hash]);
  });

  it("leaves shell variables and prices alone", () => {
    expect(found("echo $1 $2 $HOME costs $5 or $6")).toEqual([]);
  });
});
