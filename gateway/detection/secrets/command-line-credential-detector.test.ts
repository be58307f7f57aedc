import { describe, expect, it } from "vitest";
import { commandLineCredentialDetector } from "./command-line-credential-detector.js";

const found = (text: string) => commandLineCredentialDetector.detect(text).map((finding) => text.slice(finding.start, finding.end));

describe("passwords given to command-line tools", () => {
  it("finds the password flag of tools that use one, the value only", () => {
    expect(found("docker login -u gemesa -p Dh7#kq2Lm registry.example.com")).toEqual(["Dh7#kq2Lm"]);
    expect(found("psexec \\\\10.0.94.120 -u Administrator -p dev_admin CMD /C ECHO")).toEqual(["dev_admin"]);
    expect(found("mysql -h db -u root -pS3cretPass db_name")).toEqual(["S3cretPass"]);
    expect(found("sshpass -p 'w0rd-pass' ssh admin@host")).toEqual(["w0rd-pass"]);
    expect(found("redis-cli -h cache -a Red1sPass ping")).toEqual(["Red1sPass"]);
    expect(found('sqlcmd -S db -U sa -P "Sql!Pass9" -Q "select 1"')).toEqual(["Sql!Pass9"]);
    expect(found("openssl pkcs12 -export -out c.p12 -passout pass:Exp0rtPass")).toEqual(["Exp0rtPass"]);
  });

  it("finds the password of curl -u and keeps the user visible", () => {
    expect(found("curl -X POST -u oa2-client:5uC5Y4Mcvdl5rB56rB https://api.example.com")).toEqual(["5uC5Y4Mcvdl5rB56rB"]);
    expect(found("curl https://x.example.com \\\n  --user admin:Adm1nPass \\\n  -d a=b")).toEqual(["Adm1nPass"]);
  });

  it("leaves other meanings of the same flags and variables alone", () => {
    expect(found("docker run -p 8080:80 nginx")).toEqual([]);
    expect(found("mysql -u root -p db_name")).toEqual([]);
    expect(found("psexec \\\\host -u User -p $Password -i calc.exe")).toEqual([]);
    expect(found("psexec \\\\host -u User -p %nothing% -i calc.exe")).toEqual([]);
    expect(found("start PsExec.exe -u DOMAIN\\ADMIN -p PASSWORD cmd")).toEqual([]);
    expect(found("curl -u $USER:$TOKEN https://api.example.com")).toEqual([]);
    expect(found("grep -p pattern file")).toEqual([]);
  });
});
