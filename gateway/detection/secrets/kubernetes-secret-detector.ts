import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { isPlaceholderValue } from "./placeholder-value.js";
import { secretFinding } from "./secret-finding.js";

const detectorId = "secret-kubernetes-secret-v1";

interface Range {
  start: number;
  end: number;
}

const secretKind = /^kind:[ \t]*["']?Secret["']?[ \t]*$/m;
const dataBlock = /^([ \t]*)(?:data|stringData):[ \t]*\r?\n/gm;
// Sticky: each entry must start exactly where the previous line ended.
const entry = /^([ \t]+)[\w.-]+:[ \t]*(?:(["'])(?<quoted>[^"'\n]+)\2|(?<plain>[^\s#"'][^\n#]*?))[ \t]*(?:\r?\n|$)/dmy;

/** A file may hold several YAML documents, separated by `---` lines. */
function yamlDocuments(text: string): Range[] {
  const documents: Range[] = [];
  let start = 0;
  for (const separator of text.matchAll(/^---[ \t]*$/gm)) {
    documents.push({ start, end: separator.index });
    start = separator.index + separator[0].length;
  }
  documents.push({ start, end: text.length });
  return documents;
}

/** The values of the entries under each `data:` and `stringData:` of one document. */
function secretData(text: string, document: Range, findings: Finding[]): void {
  const blocks = new RegExp(dataBlock);
  blocks.lastIndex = document.start;
  for (let block = blocks.exec(text); block && block.index < document.end; block = blocks.exec(text)) {
    const indent = (block[1] ?? "").length;
    const lines = new RegExp(entry);
    lines.lastIndex = block.index + block[0].length;
    // Entries follow one another, more indented than `data:`; the first other line ends the block.
    for (let match = lines.exec(text); match; match = lines.exec(text)) {
      if ((match[1] ?? "").length <= indent) break;
      const span = match.indices?.groups?.["quoted"] ?? match.indices?.groups?.["plain"];
      if (span && !isPlaceholderValue(text.slice(span[0], span[1]))) findings.push(secretFinding(span[0], span[1], 0.9, detectorId));
      if (match[0].length === 0 || lines.lastIndex >= document.end) break;
    }
  }
}

/**
 * A Kubernetes Secret manifest holds secrets by definition: every value under its `data:` or
 * `stringData:` is one, whatever its key is called (`db-url`, `config.json`).
 */
export const kubernetesSecretDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!text.includes("Secret") || !secretKind.test(text)) return findings;
    for (const document of yamlDocuments(text)) {
      if (secretKind.test(text.slice(document.start, document.end))) secretData(text, document, findings);
    }
    return findings;
  },
};
