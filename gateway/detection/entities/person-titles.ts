import { wordSet } from "./lazy.js";

/**
 * Words that stand before a person's name. Matched case-insensitively, with or without the
 * abbreviation dot. One-letter and ambiguous forms (French `M.`, `Me`) are in `dottedTitles`:
 * they only count with their dot, so "M" in "Plan M" or the pronoun "me" do not.
 */
export const personTitles = wordSet(
  // English
  "mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev revd reverend fr father sister brother",
  "capt captain col colonel gen general lt lieutenant sgt sergeant cmdr commander maj major adm admiral",
  "judge justice hon honourable honorable president senator sen rep representative gov governor mayor",
  "coach uncle aunt auntie grandma grandpa granny nurse detective det inspector insp sheriff constable",
  "pastor rabbi imam bishop cardinal king queen prince princess duke duchess count countess baron baroness",
  "officer agent attorney atty counsel chancellor minister premier",
  // German, Dutch, Nordic
  "herr frau fräulein hr fr frl dipl ing mag dkfm dhr mevr mw meneer mevrouw heer juffrouw fru fröken frk",
  // French, Spanish, Portuguese, Italian
  "mme mlle madame mademoiselle monsieur docteur maître",
  "sr sra srta señor señora señorita don doña dra lic licenciado licenciada",
  "senhor senhora dona",
  "sig sigra signor signore signora signorina dott dottssa dottoressa avv ing geom rag",
);

/** Titles that only count when written with their dot: `M. Dupont`, `Me. Martin`, `Pr. Rossi`. */
export const dottedTitles = wordSet("m mm me pr st ste sta sto");

/**
 * The abbreviated titles, the only ones a dot may follow: after "President." a new sentence
 * starts, after "Dr." the name does.
 */
export const abbreviatedTitles = wordSet(
  "mr mrs ms mx dr prof rev revd fr capt col gen lt sgt cmdr maj adm hon sen rep gov det insp atty",
  "hr frl dipl ing mag dkfm dhr mevr mw frk mme mlle sr sra srta dra lic sig sigra dott dottssa avv geom rag",
  "m mm me pr st ste sta sto",
);
