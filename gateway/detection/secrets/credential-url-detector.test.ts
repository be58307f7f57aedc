import { describe, expect, it } from "vitest";
import { credentialUrlDetector } from "./credential-url-detector.js";

const found = (text: string) => credentialUrlDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("credentials in URLs", () => {
  it("finds the password of database, broker and HTTP URLs, and nothing else of them", () => {
    expect(found("DATABASE_URL=postgres://app:Pseg2020x@db.internal:5432/app")).toEqual(["Pseg2020x"]);
    expect(found('uri: "mongodb+srv://svc:CPCdZH5k0F6dxQ9V@cluster0.example.net/?retryWrites=true"')).toEqual(["CPCdZH5k0F6dxQ9V"]);
    expect(found("amqp://guest:s3cr3t-pass@rabbit:5672/")).toEqual(["s3cr3t-pass"]);
    expect(found("git clone https://bob:ATBB1Vm8kV6um4yvMpy62O6SQ1IEE1HSa2bB@bitbucket.org/team/repo.git")).toEqual([
      "ATBB1Vm8kV6um4yvMpy62O6SQ1IEE1HSa2bB",
    ]);
    expect(found("redis://:hunter22@cache:6379")).toEqual(["hunter22"]);
  });

  it("reads an unencoded @ in a password", () => {
    expect(found("mongodb+srv://hpapp:bria@pass135!@briaserver.example.net/test")).toEqual(["bria@pass135!"]);
    expect(found("postgresql://u:first@h1:1,u:second@h2:2/db")).toEqual(["first", "second"]);
  });

  it("finds a JDBC Oracle password and a token used as the user", () => {
    expect(found("jdbc:oracle:thin:scott/T1ger9x@db.example.com:1521:orcl")).toEqual(["T1ger9x"]);
    expect(found("dsn: https://0123abcd4567ef89aa11bb22cc33dd44@o12345.ingest.sentry.io/678")).toEqual(["0123abcd4567ef89aa11bb22cc33dd44"]);
  });

  it("leaves URLs without credentials and templated passwords alone", () => {
    expect(found("see https://example.com/docs?page=2 and http://localhost:8080/x")).toEqual([]);
    expect(found("postgres://${DB_USER}:${DB_PASSWORD}@db:5432/app")).toEqual([]);
    expect(found("postgres://user:<password>@localhost/db")).toEqual([]);
    expect(found("postgres://user:password@localhost/db")).toEqual([]);
    expect(found("https://user@example.com/repo.git")).toEqual([]);
  });
});
