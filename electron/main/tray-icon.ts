import type { TrayTone } from "./tray-menu.js";

/** RGBA colours of the tray dot, one per tone. */
const toneColours: Record<TrayTone, readonly [number, number, number]> = {
  serving: [46, 160, 67],
  "local-only": [47, 111, 235],
  busy: [140, 140, 140],
  error: [207, 34, 46],
};

/**
 * A round tray icon as raw BGRA pixels (Electron's nativeImage.createFromBitmap), drawn in code
 * so the app ships no image files for it: a filled dot, antialiased at the edge.
 */
export function trayIconBitmap(tone: TrayTone, size = 16): Buffer {
  const [red, green, blue] = toneColours[tone];
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2 - 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const coverage = Math.min(1, Math.max(0, radius + 0.5 - distance));
      const offset = (y * size + x) * 4;
      pixels[offset] = blue;
      pixels[offset + 1] = green;
      pixels[offset + 2] = red;
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
