// An actor's or a place's agreements on a time axis: one bar per agreement,
// coloured and patterned by its status through time. Plain server-side SVG;
// the table beside it on the page holds the same facts in words.
import type { Status } from '../../db/schema.ts';
import { formatEdtf } from '../format.ts';
import { label, type Lang } from '../i18n.ts';

export interface TimelineRow {
  slug: string;
  label: string;
  /** `from` and `to`: the dates as the sources give them (EDTF), which the text alternative shows; the bars are drawn from the days. */
  periods: Array<{ status: Status; validFrom: string; validTo: string | null; from?: string | null; to?: string | null }>;
}

/** "Aktivt från 1997 till december 2019": a period in words, at the precision of its sources. */
function periodText(lang: Lang, p: TimelineRow['periods'][number]): string {
  const from = formatEdtf(p.from ?? p.validFrom, lang);
  const to = p.validTo === null ? null : formatEdtf(p.to ?? p.validTo, lang);
  const status = label(lang, 'status', p.status);
  if (lang === 'sv') return to ? `${status} från ${from} till ${to}` : `${status} från ${from}`;
  return to ? `${status} from ${from} to ${to}` : `${status} from ${from}`;
}

// Each status has a colour (3:1 against white) and a pattern of its own.
const STYLE: Record<Status, { fill: string; pattern: string }> = {
  active: { fill: '#0a5c2b', pattern: '' },
  dormant: { fill: '#5b4a00', pattern: '<path d="M0 8 L8 0" stroke="#fff" stroke-width="2"/>' },
  paused: { fill: '#a14a00', pattern: '<circle cx="4" cy="4" r="1.6" fill="#fff"/>' },
  partly_ended: { fill: '#6b2a5c', pattern: '<path d="M0 8 L8 0 M0 0 L8 8" stroke="#fff" stroke-width="1.5"/>' },
  ended: { fill: '#8c1c13', pattern: '<path d="M0 4 H8" stroke="#fff" stroke-width="2"/>' },
  planned: { fill: '#2f3e6b', pattern: '<path d="M4 0 V8" stroke="#fff" stroke-width="2"/>' },
};

const yearFraction = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y + ((m - 1) * 30.5 + d) / 366;
};

export function AgreementTimeline(props: { lang: Lang; id: string; rows: TimelineRow[]; fromYear: number; toYear: number; title: string }) {
  const { lang, rows, fromYear, toYear } = props;
  if (!rows.length) return null;
  const left = 280;
  const width = 760;
  const rowHeight = 24;
  const top = 30;
  const height = top + rows.length * rowHeight + 50;
  const x = (year: number) => left + ((year - fromYear) / (toYear + 1 - fromYear)) * (width - left - 10);
  const ticks = [];
  for (let y = Math.ceil(fromYear / 5) * 5; y <= toYear; y += 5) ticks.push(y);
  const used = [...new Set(rows.flatMap((r) => r.periods.map((p) => p.status)))].filter((s) => s !== 'ended');
  const summary =
    lang === 'sv'
      ? `${rows.length} avtal. Varje stapel visar avtalets status från etableringen till avslutet eller i dag (${toYear}).`
      : `${rows.length} ${rows.length === 1 ? 'agreement' : 'agreements'}. Each bar shows the agreement's status from its start to its end or today (${toYear}).`;
  const svg = `<svg role="img" aria-labelledby="${props.id}-title ${props.id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg" font-family="Noto Sans, Noto Sans CJK SC, sans-serif" font-size="12">
<title id="${props.id}-title">${escape(props.title)}</title><desc id="${props.id}-desc">${escape(summary)}</desc>
<defs>${Object.entries(STYLE)
    .map(([status, s]) => `<pattern id="${props.id}-${status}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="${s.fill}"/>${s.pattern}</pattern>`)
    .join('')}</defs>
${ticks.map((y) => `<line x1="${x(y)}" x2="${x(y)}" y1="${top - 6}" y2="${top + rows.length * rowHeight}" stroke="#c8c8c8"/><text x="${x(y)}" y="${top - 10}" text-anchor="middle" fill="#1b1b1b">${y}</text>`).join('')}
${rows
    .map((r, i) => {
      const y = top + i * rowHeight;
      // An ended agreement's bar stops where it ended.
      const bars = r.periods
        .filter((p) => p.status !== 'ended')
        .map((p) => {
          const from = Math.max(fromYear, yearFraction(p.validFrom));
          const to = p.validTo ? yearFraction(p.validTo) : toYear + 1;
          if (to <= fromYear) return '';
          return `<rect x="${x(from)}" y="${y + 4}" width="${Math.max(1, x(to) - x(from))}" height="${rowHeight - 8}" fill="url(#${props.id}-${p.status})"><title>${escape(periodText(lang, p))}</title></rect>`;
        })
        .join('');
      return `<text x="${left - 8}" y="${y + rowHeight / 2 + 4}" text-anchor="end" fill="#1b1b1b">${escape(r.label.length > 34 ? `${r.label.slice(0, 33)}…` : r.label)}</text>${bars}`;
    })
    .join('\n')}
${used
    .map((status, i) => {
      const lx = left + i * 125;
      const ly = top + rows.length * rowHeight + 20;
      return `<rect x="${lx}" y="${ly}" width="16" height="12" fill="url(#${props.id}-${status})"/><text x="${lx + 22}" y="${ly + 10}" fill="#1b1b1b">${escape(label(lang, 'status', status))}</text>`;
    })
    .join('')}
</svg>`;
  return <figure class="chart"><div class="chart-svg" dangerouslySetInnerHTML={{ __html: svg }} /><figcaption>{summary}</figcaption></figure>;
}

function escape(text: string) {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
