// Builds the frontend's fonts and icons into dist/, from npm packages
// (nothing is fetched at run time, nothing generated is committed):
// - fonts/: the city's fonts, Open Sans (body) and Roboto Condensed bold
//   (headings), from @fontsource, only the subsets our languages use
//   (Latin, Latin Extended for Turkish, Cyrillic for Ukrainian; Arabic is
//   not in these fonts and uses the system's), with fonts.css;
// - the icon sprite: the Tabler icons the app uses, as <symbol>s inlined
//   into index.html (so <use href="#icon-wifi"> needs no request and no CSP
//   exception).
// Usage: node tools/assets.mjs <dist folder>

import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2];
if (!dist) throw new Error("usage: node tools/assets.mjs <dist>");
const here = new URL("..", import.meta.url).pathname;
const modules = join(here, "node_modules");

// The icons the interface names, by the id it uses.
export const ICONS = {
  wifi: "wifi",
  report: "alert-triangle",
  finders: "building-community",
  notices: "bell",
  personal: "user",
  home: "home",
  star: "star",
  place: "map-pin",
  search: "search",
  language: "language",
  check: "check",
  info: "info-circle",
  warning: "alert-circle",
};

const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext"];
const FONTS = [
  ["open-sans", ["400", "600", "700"]],
  ["roboto-condensed", ["700"]],
];

mkdirSync(join(dist, "fonts"), { recursive: true });
let css = "/* Built by tools/assets.mjs from @fontsource (SIL Open Font License 1.1). */\n";
for (const [family, weights] of FONTS) {
  for (const weight of weights) {
    const source = readFileSync(join(modules, "@fontsource", family, `${weight}.css`), "utf8");
    for (const block of source.split("\n\n")) {
      const subset = SUBSETS.find((s) => block.includes(`/* ${family}-${s}-${weight}-normal */`));
      if (!subset) continue;
      const file = `${family}-${subset}-${weight}-normal.woff2`;
      copyFileSync(join(modules, "@fontsource", family, "files", file), join(dist, "fonts", file));
      css += block
        .replace(/src: url\([^;]*;/, `src: url(fonts/${file}) format('woff2');`)
        .trim() + "\n";
    }
  }
}
writeFileSync(join(dist, "fonts.css"), css);

// Not `hidden`: WebKit ignores that attribute on SVG and drew the sprite as a
// 300×150 box above the header. Zero-sized and out of the flow instead (the
// symbols still resolve; `display: none` can break `<use>` in some engines).
let sprite = '<svg xmlns="http://www.w3.org/2000/svg" class="icon-sprite" width="0" height="0" aria-hidden="true" focusable="false">';
for (const [id, name] of Object.entries(ICONS)) {
  const svg = readFileSync(join(modules, "@tabler", "icons", "icons", "outline", `${name}.svg`), "utf8");
  const inner = svg.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "").trim();
  sprite += `<symbol id="icon-${id}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</symbol>`;
}
sprite += "</svg>";
const index = join(dist, "index.html");
const html = readFileSync(index, "utf8");
if (!html.includes("<!-- icons -->")) throw new Error("index.html has no <!-- icons --> place");
writeFileSync(index, html.replace("<!-- icons -->", sprite));
console.log(`assets: ${Object.keys(ICONS).length} icons, fonts.css with ${css.split("@font-face").length - 1} faces`);
