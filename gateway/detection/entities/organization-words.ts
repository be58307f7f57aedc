import { wordSet } from "./lazy.js";

/**
 * Legal forms that end a company name. Matched on the word with its dots removed, so `S.p.A.`,
 * `SpA` and `spa` are one entry. Two-letter forms (AG, SA, AB, AS, NV, BV, SE, KG, Oy) also
 * need the exact case of `legalFormsCaseSensitive`, so "as", "se" or "ab" in a sentence do not.
 */
export const legalForms = wordSet(
  "inc incorporated ltd limited llc llp lp plc corp corporation co company cos gmbh mbh ggmbh ug kg ohg gbr ev",
  "sarl sàrl sas sasu sca snc sprl srl sro spa sapa scarl sl sll slu sau ltda lda sab sae",
  "bv nv vof cv aps asa oyj hf ehf kft zrt nyrt doo dd ad ood eood pty pvt kk",
);

/** Two-letter legal forms in the case they are written in. */
export const legalFormsCaseSensitive: ReadonlySet<string> = new Set([
  "AG", "SA", "AB", "AS", "NV", "BV", "SE", "KG", "Oy", "AS", "A/S", "SpA", "S.A.", "S.p.A.", "B.V.", "N.V.", "e.V.", "S.L.", "S.A.S.", "Co.", "&Co.",
]);

/**
 * Words that end an organisation's name when they follow one or more capitalised words
 * ("Allstate Insurance Group", "Rapid Cycle Solutions", "Exversion Orchestra").
 */
export const organizationHeadWords = wordSet(
  "group groups holdings holding partners partnership associates technologies technology tech solutions systems services",
  "software labs laboratories laboratory studios studio media consulting consultancy consultants global international",
  "industries enterprises ventures capital investments investment insurance assurance bank bancorp banking financial finance",
  "markets pharmaceuticals pharma bioscience biosciences therapeutics biotech healthcare networks communications telecom",
  "energy motors automotive airlines airways logistics foods brands trust fund foundation institute institution association",
  "society council committee commission agency authority ministry department bureau federation league union alliance coalition",
  "university college school academy hospital clinic orchestra choir ensemble records publishing publishers press network",
  "entertainment productions pictures films games realty properties construction builders architects engineering",
  "corporation company incorporated limited analytics dynamics robotics semiconductors electronics manufacturing",
  "restaurant restaurants cafe café hotel hotels bakery brewery winery pharmacy sons brothers lines movers research",
  "gmbh stiftung verein verband klinikum universität hochschule institut gesellschaft",
  "fondation université société groupe banque hôpital fundación universidad sociedad grupo banco fondazione università società gruppo",
  "stichting universiteit vereniging ziekenhuis stiftelse universitet förening sjukhus",
);

/**
 * Words that open an organisation's name when `of` or its equivalent follows:
 * "University of Helsinki", "Bank of America", "Banco de España", "Universität für Bodenkultur".
 */
export const organizationOpeningWords = wordSet(
  "university bank institute hospital college school museum ministry department council church academy federation",
  "association society board office commission court",
  "universität universite université universidad università universiteit universitet uniwersytet banco banque banca",
  "instituto istituto institut hôpital hospital ospedale ministère ministerio ministero musée museo",
  "klinikum krankenhaus clinique policlinico",
);

/**
 * Institutions that are often named after a saint, a founder or a place, and whose name may
 * hold possessives and titles: "St Mary's Hospital", "Massachusetts General Hospital".
 */
export const institutionWords = wordSet(
  "hospital hospitals clinic clinics infirmary hospice sanatorium college university school academy institute polytechnic",
  "seminary trust church cathedral chapel abbey minster priory basilica mosque synagogue",
  "klinikum krankenhaus klinik spital hôpital clinique ospedale policlinico ziekenhuis sjukhus sykehus",
);

/**
 * Titles that also name institutions: "Massachusetts General Hospital", "King's College",
 * "Princess Royal Hospital". Courtesy titles are left out: "Mr Church" is a person.
 */
export const institutionTitles = wordSet("general king queen prince princess duke duchess lord lady bishop cardinal count baron");

/** Institution words that are also surnames: "Alonzo Church" is a person, "St Michael's Church" a church. */
export const surnameInstitutionWords = wordSet("church chapel abbey minster");

/** Institution words before which a title alone names one place: "General Hospital", "Duke University", not "General Academy". */
export const titledInstitutionWords = wordSet("hospital hospitals infirmary university");

/** Words before "Trust" that make it a health or charitable trust, not a certificate's: "NHS Foundation Trust". */
export const trustKinds = wordSet("foundation health hospital hospitals care");

/**
 * Dictionary words that often open an institution's name, kept at a sentence's start where a
 * verb would be dropped: "Royal Free Hospital", not "Contact St Mary's Hospital".
 */
export const institutionOpeners = wordSet(
  "royal national central memorial free city county state community regional university children women",
  "north south east west northern southern eastern western new old great grand holy sacred christ trinity mercy good",
  "mount presbyterian methodist baptist lutheran catholic jewish christian union imperial district metropolitan",
);

/** Words that open a saint's name in an institution's: "St Mary's", "St. Jude", "Sankt Georg", "San Raffaele". */
export const saintPrefixes = wordSet("st ste sta sto saint sainte sankt san santa santo são");

/** Linking words allowed inside an organisation's name. */
export const organizationLinkWords = wordSet("of for and the de des du la le di del della dei der für van voor och og i &");
