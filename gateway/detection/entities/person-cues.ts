import { compilePhrases } from "./words-around.js";
import { wordSet } from "./lazy.js";

/**
 * Phrases after which the next words are a person's name, whatever their case or however
 * common they are: "my name is rose", "called Mark". Written as lower-case word sequences;
 * the finder compares them with the words just before a candidate.
 */
export const namingCuesBefore = compilePhrases([
  ["name", "is"], ["name", "was"], ["name", "'s"], ["names", "are"], ["named"], ["called"], ["call", "me"], ["calls", "me"],
  ["known", "as"], ["aka"], ["née"], ["nee"], ["attn"], ["c/o"], ["signed"],
  ["maiden", "name"], ["last", "name"], ["first", "name"], ["full", "name"], ["surname"], ["nickname"],
  ["name", "?"], ["name", ":"], ["names", ":"], ["name", "is", ":"],
  ["heiße"], ["heisse"], ["heißt"], ["name", "ist"], ["appelle"], ["nom", "est"], ["llamo"], ["nombre", "es"], ["chiamo"],
  ["heet"], ["heter"], ["hedder"], ["heiter"],
]);

/**
 * Greetings and introductions: a name-like word after them is a name ("Dear Katrine", "I'm
 * Naomi Ryan"), an ordinary word is not ("Hi there", "I'm Sorry").
 */
export const greetingCuesBefore = compilePhrases([
  ["dear"], ["hi"], ["hello"], ["hey"], ["hiya"], ["thanks"], ["thank", "you"], ["cc"], ["patient"], ["client"],
  ["i", "am"], ["i", "'m"], ["i'm"], ["this", "is"], ["it", "'s"], ["it's"],
  ["ich", "bin"], ["liebe"], ["lieber"], ["hallo"], ["herrn"], ["je", "suis"], ["cher"], ["chère"], ["bonjour"],
  ["soy"], ["querido"], ["querida"], ["estimado"], ["estimada"], ["hola"], ["caro"], ["cara"], ["ciao"], ["gentile"],
  ["ik", "ben"], ["beste"], ["geachte"], ["hej"], ["hei"], ["kære"], ["kjære"], ["bäste"], ["bästa"],
]);

/**
 * Phrases after which a capitalised word is a person even when it is also a common word:
 * "my wife Rose", "thanks to Will", "ask Mark".
 */
export const relationNouns = wordSet(
  "son daughter wife husband brother sister mother father mom mum mommy mummy dad daddy friend boyfriend girlfriend",
  "partner colleague coworker co-worker boss manager kid kids child cousin uncle aunt nephew niece grandson granddaughter",
  "grandmother grandfather grandma grandpa neighbor neighbour lawyer attorney doctor tenant landlord teacher student",
  "fiancé fiancée fiance fiancee spouse guardian beneficiary employee assistant customer supervisor mentor roommate",
  "therapist dentist nurse accountant agent colleagues friends children",
);

export const weakCueWords = wordSet("with by meet met ask asked tell told contact contacted email emailed ping pinged");

/** Verbs that follow a person's name: "…, says Ole", "Mark said". */
export const speechVerbsAfter = wordSet(
  "said says told asked replied wrote explained shouted added answered laughed smiled nodded whispered yelled cried",
  "sagte meinte fragte dit répondit dijo respondió disse rispose zei vroeg sa sagde",
);

/** Lower-case name particles inside a name: "Ludwig van Beethoven", "Rua do Arenque" is not a person. */
export const nameParticles = wordSet("van von de der den du da di del della dos das do ter ten te bin ibn al el zu af av la le y");
