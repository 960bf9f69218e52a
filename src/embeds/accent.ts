/**
 * An embedding page's accent colour, made legible: the colour is used for links and buttons, so in each theme it is
 * darkened (light) or lightened (dark) just enough for 4.5:1 against the frame's ground (WCAG AA for text), and the
 * button text takes whichever of the two grounds reads better on it. A host can choose the hue, never an illegible
 * frame.
 *
 * Why a stylesheet (GET /embed/accent.css?c=…) rather than a style attribute or an inline <style>: the CSP allows
 * styles from this origin only ('self', no 'unsafe-inline'), and a nonce would need a per-request CSP and defeat
 * caching. A same-origin stylesheet whose whole content is derived from a strictly validated #rrggbb is allowed by
 * that CSP as it stands, and the browser caches it per colour.
 */

const LIGHT_BG = "#ffffff";
const DARK_BG = "#15191e";
const AA = 4.5;

type Rgb = [number, number, number];

function parse(hex: string): Rgb {
  const h = hex.slice(1);
  const full = h.length === 3 ? [...h].map((c) => c + c).join("") : h;
  return [0, 2, 4].map((i) => Number.parseInt(full.slice(i, i + 2), 16)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const la = luminance(parse(a));
  const lb = luminance(parse(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** `colour` mixed toward `toward` in small steps until it reaches AA against `ground` (at worst, `toward` itself). */
function legibleOn(colour: string, ground: string, toward: Rgb): string {
  const from = parse(colour);
  for (let step = 0; step <= 20; step++) {
    const t = step / 20;
    const mixed = toHex(from.map((v, i) => v + ((toward[i] as number) - v) * t) as Rgb);
    if (contrast(mixed, ground) >= AA) return mixed;
  }
  return toHex(toward);
}

/** The accent and the text on it, for the light and the dark theme. */
export interface AccentPair {
  light: { accent: string; ink: string };
  dark: { accent: string; ink: string };
}

/** The legible variants of a validated `#rgb`/`#rrggbb` accent. */
export function accentPair(accent: string): AccentPair {
  const light = legibleOn(accent, LIGHT_BG, [0, 0, 0]);
  const dark = legibleOn(accent, DARK_BG, [255, 255, 255]);
  const inkOn = (colour: string) => (contrast(colour, LIGHT_BG) >= contrast(colour, DARK_BG) ? LIGHT_BG : DARK_BG);
  return { light: { accent: light, ink: inkOn(light) }, dark: { accent: dark, ink: inkOn(dark) } };
}

/** The stylesheet for an accent (loaded after the embed stylesheet, so it overrides both palettes). */
export function accentCss(accent: string): string {
  const { light, dark } = accentPair(accent);
  const darkVars = `--accent:${dark.accent};--accent-ink:${dark.ink}`;
  return [
    `:root{--accent:${light.accent};--accent-ink:${light.ink}}`,
    `.theme-dark{${darkVars}}`,
    `@media(prefers-color-scheme:dark){.theme-auto{${darkVars}}}`,
    "",
  ].join("\n");
}
