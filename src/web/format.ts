// Display only: dates at the precision they were recorded, in Swedish or English.
import type { Lang } from './i18n.ts';

const MONTHS = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

function single(value: string, lang: Lang): string {
  const approx = /[~?%]$/.test(value);
  const [y, m, d] = value.replace(/[~?%]$/, '').split('-');
  const month = m ? MONTHS[lang][Number(m) - 1] : undefined;
  const text = d ? `${Number(d)} ${month} ${y}` : month ? `${month} ${y}` : y!;
  return approx ? (lang === 'sv' ? `omkring ${text}` : `about ${text}`) : text;
}

/** "2019", "december 2019", "10 december 2019", "mellan 2002 och 2022", "okänt datum". */
export function formatEdtf(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  if (/^X{4}$/.test(value)) return lang === 'sv' ? 'okänt datum' : 'unknown date';
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    if (a === '..') return lang === 'sv' ? `senast ${single(b!, lang)}` : `by ${single(b!, lang)}`;
    if (b === '..') return lang === 'sv' ? `tidigast ${single(a!, lang)}` : `from ${single(a!, lang)}`;
    return lang === 'sv' ? `mellan ${single(a!, lang)} och ${single(b!, lang)}` : `between ${single(a!, lang)} and ${single(b!, lang)}`;
  }
  return single(value, lang);
}

// Number formats made once per language and decimals, as the day's below (native memory per instance).
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(n: number, lang: Lang, decimals = 0): string {
  const key = `${lang}${decimals}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: decimals, minimumFractionDigits: decimals })));
  return format.format(n);
}

/** Today in Stockholm, YYYY-MM-DD. */
// Made once: each Intl.DateTimeFormat holds ICU's calendar and time zone in
// native memory, and the response cache asks for today on every request
// (one made per call left about 5 kB of the C library's heap per cached
// answer served: bench/RESULTS.md, 2026-12-07).
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });
export const todayInStockholm = () => STOCKHOLM_DAY.format(new Date());

// A moment (a Date) in Stockholm's time, in the styles the pages use: formats made once, as above.
const MOMENT_STYLES = {
  /** 10 december 2019 kl. 14:05:09 */
  long: { dateStyle: 'long', timeStyle: 'medium' },
  /** 10 december 2019 kl. 14:05 */
  longMinute: { dateStyle: 'long', timeStyle: 'short' },
  /** 10 dec. 2019 14:05 */
  medium: { dateStyle: 'medium', timeStyle: 'short' },
  /** 10 december 2019 */
  day: { year: 'numeric', month: 'long', day: 'numeric' },
  /** 2019-12-10 */
  isoDay: {},
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
const momentFormats = new Map<string, Intl.DateTimeFormat>();
export function formatMoment(d: Date, lang: Lang, style: keyof typeof MOMENT_STYLES): string {
  const locale = style === 'isoDay' || lang === 'sv' ? 'sv-SE' : 'en-GB';
  const key = `${locale} ${style}`;
  let format = momentFormats.get(key);
  if (!format) momentFormats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Stockholm', ...MOMENT_STYLES[style] })));
  return format.format(d);
}

/** A file's size as a person reads it: 1,5 MB or 12 kB (at least 1 kB). */
export const fileSize = (lang: Lang, bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
