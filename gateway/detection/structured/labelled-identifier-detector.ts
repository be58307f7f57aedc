import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";

const detectorId = "labelled-identifier-v1";

// Documents whose numbers have no checksum we can test (passports, driver's licences, medical
// records, court and claim files): they count only right after a word that names them.
const namingWords = [
  // Passports
  String.raw`passport|reisepass(?:nummer)?|pass-?nummer|pass-nr|passeport|pasaporte|passaporto|paspoort(?:nummer)?|passinumero|passnummer`,
  // Driver's licences
  String.raw`driver'?s'? licen[cs]e|drivers licen[cs]e|driving licen[cs]e|licen[cs]e (?=n(?:o|umber|r)\b|#)|\bdl\b|f[üu]hrerschein(?:nummer)?|permis de conduire|licencia de conduc(?:ir|tor)|carn[eé]t? de conducir|permiso de conducir|patente di guida|rijbewijs(?:nummer)?|k[öo]rkort(?:snummer)?|k[øo]rekort(?:nummer)?|f[øo]rerkort(?:nummer)?|ajokortti(?:numero)?`,
  // Medical records and health insurance
  String.raw`\bmrn\b|medical record|patient (?=id\b|n(?:o|umber|r)\b|#)|health (?:insurance )?(?:card|number)|krankenversicherten?nummer|versichertennummer|patientennummer|historia cl[íi]nica|cartella clinica|pati[ëe]ntnummer|journalnummer`,
  // Court, case and claim files
  String.raw`(?:case|docket|claim|file|matter) (?=n(?:o|umber|r)\b|#|id\b)|aktenzeichen|\baz\.|gesch[äa]ftszeichen|num[ée]ro (?:de dossier|d'affaire|de rôle)|n° (?:de dossier|rg)|n[úu]mero de (?:expediente|caso|procedimiento)|numero di (?:pratica|causa|ruolo)|zaaknummer|dossiernummer|[äa]rendenummer|m[åa]lnummer|sagsnummer|saksnummer|diaarinumero`,
  // Identity documents without a checksum of their own
  String.raw`national id(?:entity)?(?: card)?|identity card|\bid card|carte d'identit[ée]|documento de identidad|carta d'identit[àa]|identiteitskaart|id-kort|henkil[öo]kortti|personalausweis(?:nummer)?|ausweisnummer|\bid (?=n(?:o|umber|r)\b|#)`,
].join("|");

// Without the u flag: case-insensitive Unicode matching makes this long alternation several times slower.
const namingPattern = new RegExp(namingWords, "gi");

// "number", "no.", "#", "is" and their translations between the name and the value.
const connectorPattern =
  /[\s:#.\-–=]*(?:(?:(?:is|was|number|num|no|nr|es|est|ist|är|er|on|lautet|nummer|numéro|número|numero)(?![\p{L}\p{N}])|n°|nº|#|:)[\s:#.]*){0,3}/iuy;

// One token: letters and digits, joined by - / . : or a space between digits, ending on one; or
// a court file number in its spaced form ("2 BvR 123/20", "VI ZR 45/19").
const valuePattern =
  /(?:[\p{L}\p{N}]{1,5} ){1,2}\d{1,6}\/\d{2,4}(?![\p{L}\p{N}])|[\p{L}\p{N}](?:[\p{L}\p{N}]|[-/.:](?=[\p{L}\p{N}])|\s(?=\d)(?<=\d\s)){3,24}(?![\p{L}\p{N}])/uy;

function digitCount(value: string): number {
  return value.replace(/\D/g, "").length;
}

export const labelledIdentifierDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d/.test(text)) return findings;
    for (const name of text.matchAll(namingPattern)) {
      connectorPattern.lastIndex = name.index + name[0].length;
      connectorPattern.exec(text);
      valuePattern.lastIndex = connectorPattern.lastIndex;
      const value = valuePattern.exec(text);
      // A document number has digits; "passport number is required" has none.
      if (value === null || digitCount(value[0]) < 3) continue;
      findings.push(createFinding(value.index, value.index + value[0].length, "NATIONAL_ID", 0.85, detectorId));
    }
    return findings;
  },
};
