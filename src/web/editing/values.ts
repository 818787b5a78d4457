// A field's value in words, for a conflict's comparison and the history.
import { label, type Lang } from '../i18n.ts';
import { VISIBILITY_NAMES } from './messages.ts';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface Names {
  actor?: (slug: string) => string | undefined;
  place?: (slug: string) => string | undefined;
}

/** "(tomt)" for nothing; coded values by their names; parties and places by their names where known. */
export function valueText(lang: Lang, field: string, value: unknown, names: Names = {}): string {
  const empty = lang === 'sv' ? '(tomt)' : '(empty)';
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return empty;
  if (field === 'visibility' && typeof value === 'string' && value in VISIBILITY_NAMES) return VISIBILITY_NAMES[value as keyof typeof VISIBILITY_NAMES][lang];
  if (field === 'kind' && typeof value === 'string') return label(lang, 'kind', value);
  if (field === 'type' && typeof value === 'string') return label(lang, 'event', value);
  if (field === 'side' && typeof value === 'string') return label(lang, 'side', value);
  if (field === 'mode' && typeof value === 'string') return label(lang, 'mode', value);
  if (field === 'status' && typeof value === 'string') return label(lang, 'status', value);
  if (field === 'parties' && Array.isArray(value)) {
    return value
      .map((p) => (isObject(p) ? `${names.actor?.(String(p.actor)) ?? String(p.actor)} (${label(lang, 'role', String(p.role ?? 'party'))})${p.note ? `: ${String(p.note)}` : ''}` : String(p)))
      .join('; ');
  }
  if (field === 'counterparts' && Array.isArray(value)) return value.map((s) => names.place?.(String(s)) ?? String(s)).join('; ');
  if (field === 'reasons' && Array.isArray(value)) {
    return value
      .map((r) => (isObject(r) ? `${label(lang, 'reason', String(r.code))} (${label(lang, 'statedBy', String(r.statedBy ?? 'decision_maker'))})${r.text ? `: ${String(r.text)}` : ''}` : String(r)))
      .join('; ');
  }
  if (field === 'sources' && Array.isArray(value)) return value.map((s) => (isObject(s) ? `${String(s.source)}${s.passage ? ` (${String(s.passage)})` : ''}` : String(s))).join('; ');
  if (Array.isArray(value)) return value.map((v) => (isObject(v) ? JSON.stringify(v) : String(v))).join(', ');
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}
