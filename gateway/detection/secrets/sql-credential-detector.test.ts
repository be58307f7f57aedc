import { describe, expect, it } from "vitest";
import { sqlCredentialDetector } from "./sql-credential-detector.js";

const found = (text: string) => sqlCredentialDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("passwords in SQL statements", () => {
  it("finds the password of CREATE and ALTER statements, the literal only", () => {
    expect(found("CREATE USER 'bob'@'%' IDENTIFIED BY 'S3cret!pw';")).toEqual(["S3cret!pw"]);
    expect(found("ALTER ROLE app WITH LOGIN PASSWORD 'Pg-pass9';")).toEqual(["Pg-pass9"]);
    expect(found("CREATE LOGIN app WITH PASSWORD = 'Mssql#Pass1';")).toEqual(["Mssql#Pass1"]);
  });

  it("leaves queries outside such statements and placeholders alone", () => {
    expect(found("CREATE USER bob IDENTIFIED BY 'x1y2z3';\nSELECT name FROM users WHERE password = 'abc123';")).toEqual(["x1y2z3"]);
    expect(found("ALTER USER app WITH PASSWORD '${APP_PASSWORD}';")).toEqual([]);
    expect(found("UPDATE users SET password = 'hash' WHERE id = 1;")).toEqual([]);
  });
});
