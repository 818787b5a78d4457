import { describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../dates.ts';
import type { EventType } from '../../db/schema.ts';
import { changes } from './changes.ts';
import { inForcePerYear } from './in-force-per-year.ts';
import type { StatAgreement, StatEvent } from './load.ts';
import { RULES } from './rules.ts';

let id = 1;
const ev = (type: EventType, date: string, side: StatEvent['side'] = null): StatEvent => {
  const d = parseFuzzyDate(date);
  return { id: id++, type, dateMin: d.min, dateMax: d.max, datePrecision: d.precision, mode: null, side, reasons: [] };
};
const agreement = (slug: string, pairKey: string, kind: string, events: StatEvent[]): StatAgreement => ({
  id: id++, slug, kind, pairKey, actorKinds: ['kommun'], counties: ['14'], provinces: ['shanghai'], events,
});

// Göteborg–Shanghai: a basic agreement (1986) and a second one (2003) under it.
const basic = agreement('gbg', 'g/s/vanort', 'vanort', [ev('established', '1986-05'), ev('partly_ended', '2020')]);
const second = agreement('gbg-2003', 'g/s/vanort', 'vanort', [ev('established', '2003-10-23'), ev('ended', '2020', 'swedish')]);

describe('counting rules', () => {
  it('counts one cooperation per pair and kind under the report rule (footnote 4)', () => {
    const years = inForcePerYear([basic, second], RULES.report, 2005, 2003);
    expect(years.map((y) => y.total)).toEqual([1, 1, 1]);
  });

  it('counts each agreement under the per-agreement rule', () => {
    expect(inForcePerYear([basic, second], RULES['per-agreement'], 2003, 2003)[0]!.total).toBe(2);
  });

  it('ending one of two agreements of a pair is not an ending of the cooperation', () => {
    expect(changes([basic, second], RULES.report, 2021).filter((c) => c.type === 'ended')).toHaveLength(0);
    expect(changes([basic, second], RULES['per-agreement'], 2021).filter((c) => c.type === 'ended')).toHaveLength(1);
  });

  it('a partial ending counts as a pause only under the rule that says so', () => {
    expect(changes([basic], RULES.report, 2021)).toHaveLength(0);
    expect(changes([basic], RULES['partly-ended-as-pause'], 2021)).toMatchObject([{ type: 'paused', year: 2020 }]);
  });

  it('an ending known only as a range is counted in no year', () => {
    const vague = agreement('ok', 'o/z/vanort', 'vanort', [ev('established', '2002'), ev('ended', '2002/2022')]);
    expect(changes([vague], RULES.report, 2026)).toMatchObject([{ type: 'ended', year: null }]);
  });

  it('an ending by the counterpart keeps its side', () => {
    const a = agreement('kr', 'k/s/vanort', 'vanort', [ev('established', '2010'), ev('ended', '2019', 'counterpart')]);
    expect(changes([a], RULES.report, 2021)).toMatchObject([{ type: 'ended', year: 2019, side: 'counterpart' }]);
  });
});
