/** WCAG 2.x contrast: relative luminance of an sRGB colour and the ratio between two (1 to 21). */
const HEX = /^#([0-9a-f]{6})$/i;

export const isHexColour = (value: string): boolean => HEX.test(value);

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(HEX.exec(hex)![1]!, 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

const linear = (channel: number) => {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map(linear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT_CONTRAST = 4.5;

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The same hue darkened just enough to reach `ratio` against `against` (a suggestion for a refused colour). */
export function darkenToContrast(hex: string, against: string, ratio = AA_TEXT_CONTRAST): string {
  const rgb = channels(hex);
  for (let factor = 1; factor >= 0; factor -= 0.01) {
    const candidate = toHex(rgb.map((c) => c * factor));
    if (contrastRatio(candidate, against) >= ratio) return candidate;
  }
  return '#000000';
}
