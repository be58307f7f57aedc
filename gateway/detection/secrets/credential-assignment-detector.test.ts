import { describe, expect, it } from "vitest";
import { credentialAssignmentDetector } from "./credential-assignment-detector.js";

const found = (text: string) => credentialAssignmentDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

const token = "Hy8fK2pQx7LmN4vRt9ZbW3cJ";

describe("credentials assigned to names", () => {
  it("finds passwords in code, the value only", () => {
    expect(found('password = "hunter2!x"')).toEqual(["hunter2!x"]);
    expect(found("$mail->Password = 'un!techwhooah';")).toEqual(["un!techwhooah"]);
    expect(found('private const string PfxPassword = "Correct-Horse-9";')).toEqual(["Correct-Horse-9"]);
    expect(found('db_password := "s3cr3t-value"')).toEqual(["s3cr3t-value"]);
    expect(found(":password       => '4ian1234',")).toEqual(["4ian1234"]);
    expect(found('password: str = "typed-Pa55"')).toEqual(["typed-Pa55"]);
  });

  it("finds passwords compared in code", () => {
    expect(found('if username == "jojoba" and password == "team10":')).toEqual(["team10"]);
    expect(found('if creds.Secret != "open-sesame" {')).toEqual(["open-sesame"]);
  });

  it("finds credentials in env, INI, YAML, JSON and TOML", () => {
    expect(found("export GITHUB_TOKEN=" + token)).toEqual([token]);
    expect(found("[db]\nPassword=thisismypassword\n")).toEqual(["thisismypassword"]);
    expect(found(`jwt:\n  secret: "development#product"\n`)).toEqual(["development#product"]);
    expect(found(`{"client_secret": "${token}", "client_id": "abc"}`)).toEqual([token]);
    expect(found(`api_key = "${token}"`)).toEqual([token]);
    expect(found(`ENV["API_TOKEN"] = '${token}'`)).toEqual([token]);
    expect(found(`    REACT_APP_AUTH_PASSWORD=whiteduke    # some comment`)).toEqual(["whiteduke"]);
  });

  it("finds values in query strings, connection strings and headers", () => {
    expect(found(`curl "https://api.example.com/v1/get?token=${token}&pin=V1"`)).toEqual([token]);
    expect(found("Server=db;User Id=app;Password=#gets0m3;Database=main;")).toEqual(["#gets0m3"]);
    expect(found(`"X-Postmark-Server-Token": "c2321bd2-5a8f-46f2-b8fb-dbc706bd6923",`)).toEqual(["c2321bd2-5a8f-46f2-b8fb-dbc706bd6923"]);
    expect(found(`-H 'X-Api-Key: ${token}'`)).toEqual([token]);
  });

  it("keeps an ampersand inside an unquoted value, and stops at the next query parameter or shell operator", () => {
    expect(found("db:\n  password: Tr0ub4dor&3\n")).toEqual(["Tr0ub4dor&3"]);
    expect(found("postgresql:///db?password=S3cr3t-x&user=app")).toEqual(["S3cr3t-x"]);
    expect(found("PASSWORD=S3cr3t-x&& ./run.sh")).toEqual(["S3cr3t-x"]);
  });

  it("finds command-line flags, netrc and Gradle credentials", () => {
    expect(found(`jfrog rt dl --apikey=${token} repo/file`)).toEqual([token]);
    expect(found(`gitlab-runner register --registration-token "${token}" --executor docker`)).toEqual([token]);
    expect(found("Connect-VIServer -Server 10.0.0.5 -User admin -Password VMware1!")).toEqual(["VMware1!"]);
    expect(found("machine api.example.com login ziggy password 012345abcdef")).toEqual(["012345abcdef"]);
    expect(found("credentials {\n  username 'deploy'\n  password 'Gr4dle-pass'\n}")).toEqual(["Gr4dle-pass"]);
  });

  it("finds a default value given beside an environment lookup", () => {
    expect(found(`'token' => env('JIRA_API_TOKEN', '${token}'),`)).toEqual([token]);
    expect(found(`var apiKey = process.env.MAILGUN_API || '${token}'`)).toEqual([token]);
  });

  it("finds labels with spaces and vendor names with random values", () => {
    expect(found(`secret key:${token}`)).toEqual([token]);
    expect(found(`postmark: "f59dffd2-83ea-47c7-ba8f-95e053a6d0ae",`)).toEqual(["f59dffd2-83ea-47c7-ba8f-95e053a6d0ae"]);
    expect(found("sonar.login=5524bf449ca45fcace54698371466398321f3a82")).toEqual(["5524bf449ca45fcace54698371466398321f3a82"]);
  });

  it("finds hex keys and UUIDs only beside a key-like name", () => {
    expect(found('fbApiKey = "0278fc1adf6dc1d82a156f306ce2c5cc";')).toEqual(["0278fc1adf6dc1d82a156f306ce2c5cc"]);
    expect(found('commit = "3f786850e387550fdab836ed7e6dc881de23001b"')).toEqual([]);
    expect(found('request_id = "123e4567-e89b-12d3-a456-426614174000"')).toEqual([]);
  });

  it("leaves placeholders and references alone", () => {
    const placeholders = [
      "password = $PASSWORD",
      'password: "${DB_PASSWORD}"',
      "PASSWORD=$(cat /run/secrets/db)",
      "api_key: <YOUR_KEY>",
      'api_key = "your-api-key-here"',
      "password: changeme",
      'token: "xxxxxxxxxxxxxxxx"',
      'secret = "****"',
      "password: '{{ vault_password }}'",
      "AccountKey=<YOUR_ACCOUNT_KEY>;",
      "SharedAccessKey=[Shared Access key goes here];",
      "pwd=%DB_PASSWORD%",
      'password = ""',
      "token = None",
      "password = os.environ['DB_PASSWORD']",
      "password = request.form.get('password')",
      "password = getpass()",
      "password = env.PERKEEP_TEST_PASSWORD",
      "const password = dbPassword;",
      "export PGPASSWORD=\"$gdcapi_db_password\"",
    ];
    for (const text of placeholders) expect(found(text), text).toEqual([]);
  });

  it("leaves code about credentials alone", () => {
    const code = [
      "password: string;",
      "password?: string",
      "password: z.string().min(8),",
      'passwordLabel: "Password:",',
      '<input type="password" name="password" placeholder="Password">',
      'this.addPassword = "#add-password";',
      'sb.append("MasterUserPassword: " + getMasterUserPassword() + ",");',
      "token_type: bearer",
      "max_tokens: 4096",
      'tokenizer = "cl100k_base"',
      "public_key: ssh-ed25519",
      "key: app.kubernetes.io/name",
      'cache_key = f"user:{user_id}"',
      "csrf_token = generate_token()",
      "password_reset_url: https://example.com/reset",
      'TOKEN_URL = "https://oauth2.googleapis.com/token"',
      "pass: passed",
      "const pass = !this.result.issues",
      "secret: true",
      'SECRET: "public"',
      '["EMAIL", "SECRET", "UNSCANNABLE_CONTENT"]',
      'scryptSync("password", "salt", 64)',
      "aws_region=eu-central-1",
      "version: 1.2.3",
    ].join("\n");
    expect(found(code)).toEqual([]);
  });

  it("leaves prose with credential words alone", () => {
    const prose = [
      "Password: required",
      "The key: keep calm and carry on.",
      "Reset your password to continue.",
      "I forgot my password again lol",
      "Secret: nobody knows",
    ].join("\n");
    expect(found(prose)).toEqual([]);
  });

  it("does not take a value of another AWS shape for an AWS secret key", () => {
    expect(found("export AWS_SECRET_ACCESS_KEY=ded7db27a4558e2ea9bbf0bf36ae0e8521618f366c")).toEqual([]);
    expect(found("export AWS_SECRET_ACCESS_KEY=El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5")).toEqual(["El2hpChYgCfrL1spNxnyVmihA+2O76UMFxFkM+R5"]);
  });
});
