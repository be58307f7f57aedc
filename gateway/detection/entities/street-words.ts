import { wordSet } from "./lazy.js";

/**
 * Street-type words that follow the street's name in English ("Crown Street", "5th Ave") and
 * the plural forms address generators produce. Abbreviations are matched with or without
 * their dot. `dr` (Drive or Doctor) and `st` (Street or Saint) only count after a number or a
 * name, which is how the address finder uses this list.
 */
export const streetTypesAfterName = wordSet(
  "street streets st str road roads rd avenue avenues ave av boulevard blvd lane lanes ln drive drives dr",
  "court courts ct place pl square squares sq terrace ter terr way ways close crescent cres grove gardens gdns",
  "park parks parkway pkwy highway hwy circle circles cir trail trl row mews walk alley aly plaza plz path pike",
  "loop view wharf quay embankment parade esplanade causeway expressway expy freeway fwy turnpike tpke",
  "heights hts crossing xing point ridge junction jct estate estates manor rise vale villas fields meadows",
  "brook brooks bridge bridges common commons cove creek glen harbor harbour haven isle landing mall mill mills",
  "mount mountain orchard pass pines plains port prairie ranch river shore shores spring springs station",
  "summit track union unions valley village ville vista well wells hill hills green greens center centre",
  "route rte broadway ring",
  // Hungarian, Czech and Slovak street words that follow the name ("Király u. 15", "Rákóczi út 66")
  "u utca út útja tér tere körút krt rakpart rkp sétány köz sor fasor ulice nábřeží náměstí nám třída",
);

/**
 * Street words of Central and Northern Europe written as a word of their own after the name,
 * with the house number after them: "Andrássy út 22.", "Váci u. 5", "Karl Johans gate 22",
 * "Narva tee 41", "Dunajska cesta 5", "Grazer Strasse 12". The finder wants the number.
 */
export const streetTypesBeforeNumber = wordSet(
  "u utca út útja tér körút krt rakpart rkp sétány köz sor fasor dűlő lakótelep ltp",
  "ulica ulice ul cesta trg náměstí nám námestie nábřeží třída",
  "gate gata gatan vej vei veg vegen vägen väg gade allé plads torv",
  "tee tänav mnt pst",
  "straße strasse str gasse weg allee platz ring damm",
);

/**
 * Of those, the ones that also turn up in English prose and in code talk: English words
 * ("gate", "tee", "ring"), short forms that are identifiers too ("str", "pst", "mnt", "veg",
 * "sor"), and "u.", which is German "und". A street needs capitalised name words before them
 * that are no English words.
 */
export const ambiguousStreetTypesBeforeNumber = wordSet("gate tee ring sor str pst mnt veg u");

/**
 * Of those, the ones that are too often something else ("str" a string type, "u." German
 * "und") to count without more: the dot Hungarian puts after the house number, or a postcode,
 * region or known town after it.
 */
export const doubtfulStreetTypesBeforeNumber = wordSet("str u");

/**
 * Street-type words that come before the name: Romance languages, Greek and Slavic
 * abbreviations ("rue de la Paix", "Via Franscini", "Calle Mayor", "ul. Długa").
 */
export const streetTypesBeforeName = wordSet(
  "rue avenue av bd boulevard bld chemin allée impasse place quai cours route ruelle passage square faubourg",
  "via viale piazza piazzale corso vicolo largo strada contrada borgo lungomare",
  "calle c avenida avda plaza paseo camino carrer carretera ronda travesía glorieta pasaje",
  "rua travessa praça estrada alameda largo beco rodovia",
  "ulica ul aleja al plac osiedle os ulitsa ulitsy prospekt trg náměstí nám námestie nábřeží",
  "odos odós λεωφ λεωφόρος λ οδός οδ πλατεία",
  "strada bulevardul calea",
);

/**
 * Endings of one-word street names in German, Dutch, the Nordic languages, Finnish, Estonian,
 * Hungarian and Icelandic ("Hauptstraße", "Koskikatu", "Søndergade", "Þorsteinsgata").
 * Long enough that ordinary words rarely end in them; the finder also wants a house number.
 */
export const streetNameEndings: readonly string[] = [
  "straße", "strasse", "str.", "gasse", "weg", "platz", "allee", "ring", "damm", "ufer", "steig", "pfad", "chaussee", "graben", "markt",
  "straat", "laan", "gracht", "plein", "kade", "dijk", "singel", "steeg", "pad", "hof",
  "gatan", "vägen", "gränd", "torget", "stigen", "backen", "gata", "gate", "gaten", "veien", "vegen", "vei", "veg", "stien",
  "gade", "vej", "vænget", "stræde", "torv", "allé", "plads", "bakke", "sti",
  "katu", "tie", "kuja", "polku", "tori", "raitti", "väylä", "kaari", "rinne", "kaarre",
  "tänav", "maantee", "puiestee",
  "utca", "út", "tér", "körút", "sor",
  "vegur", "stræti", "braut", "stígur",
  "ulica", "ulice", "náměstí", "třída",
];

/** Lower-case words inside a street's name: "Rua do Arenque", "rue de la Paix", "Via delle Coste". */
export const streetNameParticles = wordSet(
  "de del della delle dei degli dello di da do dos das du des la le les los las el al e y z ze na nad pod u v am an im auf der zum zur van von ter ten",
);

/** Words that introduce an apartment, suite or floor after the street line. */
export const secondaryUnitWords = wordSet(
  "apt apartment suite ste unit flat fl floor room rm bldg building dept no nr nro num wohnung whg étage etage piso puerta",
  "app appt bte bus box lgh leil lejl",
);
