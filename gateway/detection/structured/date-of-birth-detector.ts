import type { Finding } from "../../../shared/findings.js";
import type { Detector } from "../detector.js";
import { createFinding } from "./create-finding.js";

const detectorId = "date-of-birth-v1";

// Words that announce a birth date, in English, German, French, Spanish, Italian, Dutch, the
// Nordic languages, Finnish and Polish. A date is a date of birth only after one of them.
const birthWordPattern =
  /(?<![\p{L}])(?:d\.?o\.?b\.?|date of birth|birth ?date|birthday|born(?: on)?|geboren(?: am| op)?|geb\.|geburtsdatum|geburtstag|n[ée]e? le|date de naissance|fecha de nacimiento|nacid[oa](?: el)?|data di nascita|nat[oa](?: il)?|geboortedatum|f[öø]delsedatum|f[öø]dd(?: den)?|f[øo]dt(?: den)?|f[øo]dselsdato|syntym[äa]aika|syntynyt|data urodzenia|urodzon[ya])(?![\p{L}])/giu;

const monthNames = [
  // English
  "january|february|march|april|may|june|july|august|september|october|november|december",
  "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec",
  // German, French, Spanish, Italian, Dutch, Nordic
  "januar|jänner|februar|märz|mai|juni|juli|oktober|dezember",
  "janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre",
  "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre",
  "gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre",
  "januari|februari|maart|mei|augustus|augusti|marts|desember",
].join("|");

const day = String.raw`(?:3[01]|[12]\d|0?[1-9])`;
const month = String.raw`(?:1[0-2]|0?[1-9])`;
const year = String.raw`(?:1[89]\d{2}|20\d{2})`;
const monthName = String.raw`(?:${monthNames})\.?`;
const ordinal = String.raw`(?:st|nd|rd|th|er|º|\.)?`;

// Numeric (either order of day and month, 2- or 4-digit year), ISO, and written-out dates.
const datePattern = new RegExp(
  [
    String.raw`${year}[-/.]${month}[-/.]${day}`,
    String.raw`${day}[-/.]${day}[-/.](?:${year}|\d{2})`,
    String.raw`${day}${ordinal}\s?(?:of\s|de\s)?${monthName},?\s(?:de\s)?${year}`,
    String.raw`${monthName}\s${day}${ordinal},?\s${year}`,
  ]
    .map((alternative) => `(?:${alternative})(?![\\p{L}\\p{N}])`)
    .join("|"),
  "iuy",
);

// What may stand between the keyword and the date: "DOB: ", "born on the ", "geboren am ".
const connectorPattern = /[\s:,\-–(]*(?:(?:is|was|on|the|am|le|el|il|op|den|:)[\s:,]+){0,3}/iuy;

export const dateOfBirthDetector: Detector = {
  id: detectorId,
  detect(text) {
    const findings: Finding[] = [];
    if (!/\d/.test(text)) return findings;
    for (const keyword of text.matchAll(birthWordPattern)) {
      connectorPattern.lastIndex = keyword.index + keyword[0].length;
      connectorPattern.exec(text);
      datePattern.lastIndex = connectorPattern.lastIndex;
      const date = datePattern.exec(text);
      if (date === null) continue;
      findings.push(createFinding(date.index, date.index + date[0].length, "DATE_OF_BIRTH", 0.9, detectorId));
    }
    return findings;
  },
};
