// What a posted status-event form holds, as typed, and the verb's input made
// from it. Reasons and sources are rows; the verb's problems name them by
// their place in the input, which the page maps back to the row.
import type { FieldProblem } from '../../domain/errors.ts';
import type { SourceRow } from './choices.tsx';
import { sourceRows, text, type Body } from './form-state.ts';

export interface ReasonRow {
  code: string;
  statedBy: string;
  text: string;
}

export interface EventTyped {
  type: string;
  date: string;
  side: string;
  mode: string;
  decidingBody: string;
  reference: string;
  caseNumber: string;
  note: string;
  noteEn: string;
  visibility: string;
  comment: string;
  reasons: ReasonRow[];
  sources: SourceRow[];
  sourceQuery: string;
}

const SIMPLE = ['type', 'date', 'side', 'mode', 'decidingBody', 'reference', 'caseNumber', 'note', 'noteEn', 'visibility', 'comment', 'sourceQuery'] as const;
const MAX_REASONS = 20;

export function eventTyped(form: Body): EventTyped {
  const simple = Object.fromEntries(SIMPLE.map((k) => [k, text(form, k)])) as Record<(typeof SIMPLE)[number], string>;
  const reasons: ReasonRow[] = [];
  for (let i = 0; i < MAX_REASONS; i++) {
    if (!(`reason.${i}.code` in form)) break;
    reasons.push({ code: text(form, `reason.${i}.code`), statedBy: text(form, `reason.${i}.statedBy`), text: text(form, `reason.${i}.text`) });
  }
  return { ...simple, reasons, sources: sourceRows(form) };
}

export const emptyEvent = (): EventTyped => ({
  type: 'ended',
  date: '',
  side: '',
  mode: '',
  decidingBody: '',
  reference: '',
  caseNumber: '',
  note: '',
  noteEn: '',
  visibility: 'public',
  comment: '',
  reasons: [],
  sources: [],
  sourceQuery: '',
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const filled = (r: ReasonRow) => r.code !== '' || r.text.trim() !== '';

/** The verb's input, and for each reason and source in it the row it came from. */
export function eventInput(t: EventTyped, expectedVersion: unknown) {
  const reasonRows = t.reasons.map((r, i) => ({ r, i })).filter(({ r }) => filled(r));
  const sourceRowsKept = t.sources.map((s, i) => ({ s, i })).filter(({ s }) => s.keep);
  return {
    input: {
      type: t.type,
      date: t.date.trim(),
      side: orNull(t.side),
      mode: orNull(t.mode),
      decidingBody: orNull(t.decidingBody),
      reference: orNull(t.reference),
      caseNumber: orNull(t.caseNumber),
      note: orNull(t.note),
      noteEn: orNull(t.noteEn),
      visibility: t.visibility,
      reasons: reasonRows.map(({ r }) => ({ code: r.code, statedBy: r.statedBy || 'decision_maker', text: orNull(r.text) })),
      sources: sourceRowsKept.map(({ s }) => ({ source: s.slug, passage: orNull(s.passage) })),
      comment: orNull(t.comment),
      expectedVersion,
    },
    reasonRow: reasonRows.map(({ i }) => i),
    sourceRow: sourceRowsKept.map(({ i }) => i),
  };
}

/** Where a problem is shown: `reasons.1.text` is the text field of the row that became the second reason. */
export function eventFieldId(problem: FieldProblem, reasonRow: number[], sourceRow: number[]): string {
  const [top, index, leaf] = problem.field.split('.');
  if (top === 'reasons' && index !== undefined) return `reason-${reasonRow[Number(index)] ?? 0}-${leaf === 'text' ? 'text' : leaf === 'statedBy' ? 'statedBy' : 'code'}`;
  if (top === 'sources' && index !== undefined) return `source-${sourceRow[Number(index)] ?? 0}-keep`;
  if (top === 'sources') return 'source-q';
  if (top === 'expectedVersion') return 'e-type';
  return `e-${top}`;
}
