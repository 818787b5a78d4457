// The thematic areas action plans are usually written in (the list,
// and the areas the shipped plans use). A plan may name any other area; a
// known one typed in either language is stored with both names, so that the
// English page shows it in English.
export const THEMATIC_AREAS = [
  { sv: 'Utbildning', en: 'Education' },
  { sv: 'Kultur', en: 'Culture' },
  { sv: 'Handel och näringsliv', en: 'Trade and business' },
  { sv: 'Miljö och energi', en: 'Environment and energy' },
  { sv: 'Hälsa, vård och omsorg', en: 'Health and care' },
  { sv: 'Turism', en: 'Tourism' },
  { sv: 'Forskning och innovation', en: 'Research and innovation' },
  { sv: 'Stadsutveckling', en: 'Urban development' },
  { sv: 'Idrott och ungdom', en: 'Sport and youth' },
] as const;

/** A theme with its English: the known area's two names when the theme is one of them in either language, else as given. */
export function themeInBothLanguages(theme: string, themeEn: string | null | undefined): { theme: string; themeEn: string | null } {
  if (themeEn) return { theme, themeEn };
  const key = theme.trim().toLocaleLowerCase('sv');
  const known = THEMATIC_AREAS.find((a) => a.sv.toLocaleLowerCase('sv') === key || a.en.toLocaleLowerCase('sv') === key);
  return known ? { theme: known.sv, themeEn: known.en } : { theme, themeEn: null };
}
