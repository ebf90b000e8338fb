export const CHART_FONT_FAMILY =
  '"Hiragino Sans", "Noto Sans JP", "IPAGothic", "Yu Gothic", sans-serif';

/**
 * Okabe–Ito colours, distinguishable with the common colour-vision deficiencies; series are told
 * apart by their legend and the hidden table as well, never by colour alone.
 */
export const SERIES_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#555555',
] as const;

export const REFERENCE_LINE_COLOR = '#b3261e';

export function prefersReducedMotion(): boolean {
  return (
    typeof matchMedia === 'function' &&
    matchMedia('(prefers-reduced-motion: reduce)').matches
  );
}
