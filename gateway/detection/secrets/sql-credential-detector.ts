import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-sql-v1";

// `CREATE USER bob IDENTIFIED BY 'pw'` (MySQL, Oracle), `CREATE ROLE app LOGIN PASSWORD 'pw'`
// and `ALTER USER … WITH PASSWORD 'pw'` (PostgreSQL), `CREATE LOGIN … WITH PASSWORD = 'pw'` (SQL
// Server): the quoted literal after the keyword.
const statements = /\b(?:IDENTIFIED\s+(?:WITH\s+\w+\s+)?BY|PASSWORD\s*=?)\s*'(?<secret>[^'\n]{1,128})'/dgi;
// A statement must be around: `password 'x'` in prose or other code is left to other readers.
const statementStart = /\b(?:CREATE|ALTER)\s+(?:USER|ROLE|LOGIN)\b|^\s*SET\s+PASSWORD\s+(?:FOR\b|=)|\bGRANT\b/im;

/** Passwords set in SQL statements. */
export const sqlCredentialDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!statementStart.test(text)) return findings;
    for (const match of text.matchAll(statements)) {
      const span = match.indices?.groups?.["secret"];
      if (!span) continue;
      // The statement that holds the keyword: from the previous `;`, at most a few lines back.
      const window = text.slice(Math.max(0, match.index - 300), match.index);
      const statement = window.slice(window.lastIndexOf(";") + 1) + match[0];
      if (!statementStart.test(statement)) continue;
      const password = text.slice(span[0], span[1]);
      if (password.length < 3 || isPlaceholderValue(password) || /^(?:password|passwd|pass)$/i.test(password)) continue;
      findings.push(secretFinding(span[0], span[1], 0.9, detectorId));
    }
    return findings;
  },
};
