import { lastMatchEnd, textAfter, textBefore } from "./surrounding-text.js";

// Words that introduce a phone number, in the languages the router is used in. "number" alone is
// not one ("order number 5551234" is the common case), but "my number" is.
const phoneWords =
  /(?<![\p{L}])(?:phone|ph|tel|t[ée]l[ée]?phone|telefon|telefoon|tel[ée]fono|mobile?|mob|cell(?:phone)?|handy|portable|m[óo]vil|cellulare|gsm|fax|desk|office|hotline|whats ?app|viber|signal|sms|text(?:ed)?|call(?:ed|ing)?|ring|dial|message[sd]?|contact|reach(?:ed)?|answer(?:ing)?|rufnummer|anrufen|appel(?:ez|er)?|llam(?:ar|e|a)|chiama(?:re)?|bellen|ringa?|(?:my|your|his|her|their|our)(?: new| home| work| cell| contact)? number|landline|switchboard)(?![\p{L}])/gu;

// Words that say the digits are something else; the nearer of the two kinds decides.
const otherNumberWords =
  /(?<![\p{L}])(?:order|invoice|account|acct|iban|card|ssn|social|nhs|sin|passport|licen[cs]e|ref(?:erence)?|ticket|tracking|serial|version|build|release|isbn|issn|sku|item|part|model|id|pin|zip|post ?code|postal|plz|policy|claim|case|transaction|amount|total|price|cost|balance|salary|population|bytes|port|pid|uid|hash|commit|line|row|page|chapter|year|years|customer|member|patient|mrn|bsn|pesel|steuer|tax|vat|routing|swift|bic|sort code|dob|born|birth|rfc|section|step|cpr|personnummer|f[øo]dselsnummer|hetu|pesel|nir|dni|nie|nif|ahv|avs|nino|steuer-?id|iban|bic)(?![\p{L}])/gu;

// Labels that follow a number in address blocks: "416 60 039 office", "(37) 788-063-Office".
const phoneLabelAfter = /^[\s,;:\-–(\\]*(?:office|fax|mobile|cell|home|work|phone|tel|desk|ext)(?![\p{L}])/u;

const streetWords = [
  "st", "street", "rd", "road", "ave", "avenue", "blvd", "boulevard", "lane", "ln", "dr", "drive", "way", "ct", "court", "pl", "place",
  "sq", "square", "hwy", "highway", "pkwy", "parkway", "straße", "strasse", "str", "weg", "gasse", "platz", "rue", "chemin", "calle",
  "avenida", "via", "viale", "piazza", "straat", "laan", "plein", "gatan", "gata", "vej", "vegen", "katu", "tie", "apt", "suite", "unit", "box",
];
// A street or unit word right after the digits, or after a capitalised street name of up to three
// words, makes them a postcode and house number: "17031 2202 Rissik St", "03262 2437 Main St".
// Only the first letter of the street word may be either case; the name must be capitalised, so
// "call 555 1234 to book your place" stays a phone number.
const addressAfter = new RegExp(
  String.raw`^\s*(?:\p{Lu}[\p{L}'’-]*\.?\s+){0,3}(?:${streetWords.map((word) => `[${word[0]?.toUpperCase()}${word[0]}]${word.slice(1)}`).join("|")})(?![\p{L}])`,
  "u",
);

/** Whether the digits are the start of a street address. */
export function isFollowedByAddressWord(text: string, end: number): boolean {
  return addressAfter.test(text.slice(end, end + 40));
}

/** Whether the words around a candidate say it is a phone number (the nearest keyword before it wins). */
export function hasPhoneContext(text: string, start: number, end: number): boolean {
  if (phoneLabelAfter.test(textAfter(text, end, 16))) return true;
  const before = textBefore(text, start, 40);
  const phone = lastMatchEnd(before, phoneWords);
  return phone >= 0 && phone >= lastMatchEnd(before, otherNumberWords);
}

/** Whether the nearest keyword before a candidate says it is some other number. */
export function hasOtherNumberContext(text: string, start: number): boolean {
  const before = textBefore(text, start, 24);
  const other = lastMatchEnd(before, otherNumberWords);
  return other >= 0 && other > lastMatchEnd(before, phoneWords);
}
