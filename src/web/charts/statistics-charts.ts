// The statistics page's charts: each built from the statistics module's
// numbers (the same the tables and CSV files show) with a title, axis names
// and a summary in words.
import type { StatisticsOverview } from '../../domain/statistics/overview.ts';
import { COUNTIES, label, type Lang } from '../i18n.ts';
import { renderChart, type ChartText } from './render-svg.ts';

export const CHART_NAMES = ['in-force', 'changes', 'reasons', 'by-county', 'by-province', 'per-decade'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

export interface Chart extends ChartText {
  svg: string;
}

const sv = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const axis = (name: string) => ({ name, nameLocation: 'middle' as const, nameGap: 36, nameTextStyle: { fontWeight: 'bold' as const } });
const legend = { top: 34, left: 'center', itemGap: 16 };
const grid = { left: 64, right: 24, top: 80, bottom: 56, containLabel: true };

/** `mark`: a category to draw a dashed line at, with its label (where the sources end). */
function stackedBars(categories: string[], series: Array<{ name: string; data: number[] }>, xName: string, yName: string, mark?: { at: string; label: string }) {
  const line = mark && categories.includes(mark.at)
    ? { markLine: { silent: true, symbol: 'none', animation: false, lineStyle: { type: 'dashed', color: '#333', width: 1.5 }, label: { formatter: mark.label, position: 'insideEndTop', color: '#333' }, data: [{ xAxis: mark.at }] } }
    : {};
  return {
    legend,
    grid,
    xAxis: { type: 'category', data: categories, ...axis(xName) },
    yAxis: { type: 'value', minInterval: 1, ...axis(yName), nameGap: 44 },
    series: series.map((s, i) => ({ type: 'bar', stack: 'total', name: s.name, data: s.data, ...(i === 0 ? line : {}) })),
  };
}

function horizontalBars(categories: string[], series: Array<{ name: string; data: number[] }>, xName: string) {
  return {
    legend,
    grid: { ...grid, left: 24 },
    yAxis: { type: 'category', data: categories, inverse: true },
    xAxis: { type: 'value', minInterval: 1, ...axis(xName) },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data })),
  };
}

/** "Zhejiang 浙江省" for a top-level place's slug. */
export function provinceNamer(places: Array<{ slug: string; nameLatin: string; nameNative: string | null }>) {
  return (slug: string) => {
    const p = places.find((x) => x.slug === slug);
    return p ? `${p.nameLatin} ${p.nameNative ?? ''}`.trim() : slug;
  };
}

export function buildChart(name: ChartName, s: StatisticsOverview, lang: Lang, provinceName: (slug: string) => string): Chart {
  const id = `chart-${name}`;
  const ruleName = lang === 'sv' ? s.rule.nameSv : s.rule.nameEn;
  // Said in every chart's words, and marked on the yearly ones: what is shown past the sources' end is the latest source's status.
  const end = s.sourcesEnd;
  const asOf =
    end === null
      ? ''
      : end < s.lastYear && (name === 'in-force' || name === 'changes')
        ? sv(lang, ` Registrets källor slutar ${end}: åren efter visar den status som de senaste källorna anger.`, ` The register's sources end in ${end}: the years after show the status the latest sources give.`)
        : sv(lang, ` Status enligt källor till och med ${end}.`, ` Statuses according to sources up to ${end}.`);
  const sourcesEndMark = end !== null && end < s.lastYear ? { at: String(end), label: sv(lang, 'Källorna slutar', 'Sources end') } : undefined;
  const make = (title: string, summary: string, option: Record<string, unknown>, height = 380): Chart => {
    const text = { id, title: `${title} (${ruleName})`, summary: summary + asOf };
    return { ...text, svg: renderChart({ title: { text: text.title, left: 'center', top: 4, textStyle: { fontSize: 15 } }, ...option }, text, { width: 760, height }) };
  };
  switch (name) {
    case 'in-force': {
      const peak = s.inForce.reduce((a, b) => (b.total > a.total ? b : a));
      const last = s.inForce.find((y) => y.year === 2021) ?? s.inForce.at(-1)!;
      return make(
        sv(lang, 'Pågående samarbeten vid årets slut', 'Cooperations in force at the end of each year'),
        sv(lang, `Flest pågående: ${peak.total} i slutet av ${peak.year}. I slutet av ${last.year}: ${last.total}.`, `Most in force: ${peak.total} at the end of ${peak.year}. At the end of ${last.year}: ${last.total}.`),
        stackedBars(
          s.inForce.map((y) => String(y.year)),
          s.kinds.map((k) => ({ name: label(lang, 'kind', k), data: s.inForce.map((y) => y.byKind[k] ?? 0) })),
          sv(lang, 'År', 'Year'),
          sv(lang, 'Antal samarbeten', 'Number of cooperations'),
          sourcesEndMark,
        ),
      );
    }
    case 'changes': {
      const years = s.changes.filter((c) => c.year !== null && c.year >= 1986 && c.year <= s.lastYear);
      const busiest = years.reduce((a, b) => (b.ended + b.paused > a.ended + a.paused ? b : a));
      const unknown = s.changes.find((c) => c.year === null);
      return make(
        sv(lang, 'Avslutade och pausade samarbeten per år', 'Ended and paused cooperations per year'),
        sv(
          lang,
          `Flest avslut och pauser: ${busiest.ended + busiest.paused} år ${busiest.year}.${unknown?.ended ? ` ${unknown.ended} avslut har inget känt år och visas inte.` : ''}`,
          `Most endings and pauses: ${busiest.ended + busiest.paused} in ${busiest.year}.${unknown?.ended ? ` ${unknown.ended} endings have no known year and are not shown.` : ''}`,
        ),
        stackedBars(
          years.map((y) => String(y.year)),
          [
            { name: sv(lang, 'Avslutat av svenska sidan', 'Ended by the Swedish side'), data: years.map((y) => y.endedBySwedishSide) },
            { name: sv(lang, 'Avslutat av kinesiska sidan', 'Ended by the Chinese side'), data: years.map((y) => y.endedByCounterpart) },
            { name: sv(lang, 'Avslutat, sida okänd', 'Ended, side unknown'), data: years.map((y) => y.endedSideUnknown) },
            { name: sv(lang, 'Pausat', 'Paused'), data: years.map((y) => y.paused) },
          ],
          sv(lang, 'År', 'Year'),
          sv(lang, 'Antal', 'Number'),
          sourcesEndMark,
        ),
      );
    }
    case 'reasons': {
      const rows = s.reasons.rows;
      const top = rows.reduce((a, b) => (b.total > a.total ? b : a));
      return make(
        sv(lang, 'Angivna skäl för avslut och pauser 2017–2021', 'Reasons given for endings and pauses 2017–2021'),
        sv(lang, `Vanligast: ${label(lang, 'reason', top.code)} (${top.total}). ${s.reasons.withoutReason} avslut eller pauser har inget registrerat skäl.`, `Most common: ${label(lang, 'reason', top.code)} (${top.total}). ${s.reasons.withoutReason} endings or pauses have no recorded reason.`),
        horizontalBars(
          rows.map((r) => label(lang, 'reason', r.code)),
          [
            { name: label(lang, 'statedBy', 'decision_maker'), data: rows.map((r) => r.byStatedBy.decision_maker) },
            { name: label(lang, 'statedBy', 'representative'), data: rows.map((r) => r.byStatedBy.representative) },
            { name: label(lang, 'statedBy', 'opposition'), data: rows.map((r) => r.byStatedBy.opposition) },
          ],
          sv(lang, 'Antal avslut och pauser', 'Number of endings and pauses'),
        ),
        320,
      );
    }
    case 'by-county':
    case 'by-province': {
      const rows = name === 'by-county' ? s.byCounty : s.byProvince;
      const nameOf = name === 'by-county' ? (key: string) => COUNTIES[key] ?? key : provinceName;
      const top = rows[0];
      const title = name === 'by-county' ? sv(lang, 'Samarbeten per län', 'Cooperations by county') : sv(lang, 'Samarbeten per kinesisk provins', 'Cooperations by Chinese province');
      return make(
        title,
        top ? sv(lang, `Flest samarbeten: ${nameOf(top.key)} med ${top.established}, varav ${top.inForce} pågående.`, `Most cooperations: ${nameOf(top.key)} with ${top.established}, ${top.inForce} of them in force.`) : sv(lang, 'Inga samarbeten.', 'No cooperations.'),
        horizontalBars(
          rows.map((r) => nameOf(r.key)),
          [
            { name: sv(lang, 'Etablerade', 'Established'), data: rows.map((r) => r.established) },
            { name: sv(lang, 'Pågående', 'In force'), data: rows.map((r) => r.inForce) },
          ],
          sv(lang, 'Antal samarbeten', 'Number of cooperations'),
        ),
        120 + rows.length * 26,
      );
    }
    case 'per-decade': {
      const top = s.perDecade.reduce((a, b) => (b.total > a.total ? b : a));
      return make(
        sv(lang, 'Etablerade samarbeten per decennium', 'Cooperations established per decade'),
        sv(lang, `Flest nya samarbeten: ${top.total} under ${top.decade}-talet.`, `Most new cooperations: ${top.total} in the ${top.decade}s.`),
        stackedBars(
          s.perDecade.map((d) => `${d.decade}–${d.decade + 9}`),
          s.kinds.map((k) => ({ name: label(lang, 'kind', k), data: s.perDecade.map((d) => d.byKind[k] ?? 0) })),
          sv(lang, 'Decennium', 'Decade'),
          sv(lang, 'Antal samarbeten', 'Number of cooperations'),
        ),
      );
    }
  }
}
