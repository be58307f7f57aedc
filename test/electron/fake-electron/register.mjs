// `node --import ./register.mjs dist/electron/main/main.js`: the built main process, run by
// plain Node with `electron` resolved to the stand-in beside this file.
import { register } from "node:module";

register("./resolve-electron.mjs", import.meta.url);
