// Every ending and pause of a counted cooperation, with its year, side and
// reasons: what Diagram 5, the reasons and the report's counts are made of.
import type { ActorKind, ReasonCode, ReasonStatedBy, Side } from '../../db/schema.ts';
import type { StatAgreement, StatEvent } from './load.ts';
import type { CountingRule } from './rules.ts';
import { countingUnits, type CountingUnit, derivationKey, FIRST_YEAR, perUnit, unitCurrentStatus, unitYearStatuses } from './units.ts';

/**
 * An ending or pause of a counted cooperation. Kept with its unit (units.ts)
 * for every unit that changed, so what can be read from the unit is read
 * from it, not copied into each change.
 */
export class Change {
  constructor(
    private readonly unit: CountingUnit,
    readonly type: 'ended' | 'paused',
    /** null when the date is too vague to place in one year ("2002/2022", unknown). */
    readonly year: number | null,
    readonly side: Side | null,
    readonly reasons: ReadonlyArray<{ code: ReasonCode; statedBy: ReasonStatedBy }>,
  ) {}

  get unitKey(): string {
    return this.unit.key;
  }

  get slugs(): string[] {
    return this.unit.members.map((m) => m.slug);
  }

  get kind(): string {
    return this.unit.kind;
  }

  get actorKinds(): readonly ActorKind[] {
    return this.unit.members[0]!.actorKinds;
  }
}

const yearOf = (day: string | null) => (day ? Number(day.slice(0, 4)) : null);

export function changes(agreements: readonly StatAgreement[], rule: CountingRule, lastYear: number): Change[] {
  const out: Change[] = [];
  const key = `changes|${derivationKey(rule)}|${rule.partlyEndedIsPause}|${lastYear}`;
  for (const unit of countingUnits(agreements, rule)) for (const change of unitChanges(unit, rule, lastYear, key)) out.push(change);
  return out;
}

const NONE: readonly Change[] = Object.freeze([]);
const NO_REASONS: Change['reasons'] = Object.freeze([]);

/** A unit's changes, derived once per unit and rule (units.ts). */
function unitChanges(unit: CountingUnit, rule: CountingRule, lastYear: number, key: string): readonly Change[] {
  return perUnit(unit, key, () => {
    const out: Change[] = [];
    // Made only for a unit that changed: most never did.
    let made: StatEvent[] | null = null;
    const events = () => (made ??= unit.members.flatMap((m) => m.events));
    // The event that caused a change in a year: its type, effective in that year.
    const cause = (types: string[], year: number): StatEvent | undefined =>
      events().filter((e) => types.includes(e.type) && yearOf(rule.derivation.effectiveOn === 'certain' ? e.dateMax : e.dateMin) === year).at(-1);
    const record = (type: Change['type'], year: number, event: StatEvent | undefined) => {
      const placed = event && yearOf(event.dateMin) === yearOf(event.dateMax);
      out.push(new Change(unit, type, placed ? year : null, event?.side ?? null, event?.reasons ?? NO_REASONS));
    };
    const statuses = unitYearStatuses(unit, rule, FIRST_YEAR - 1, lastYear);
    let previous = statuses[0]!;
    let ended = false;
    for (let year = FIRST_YEAR; year <= lastYear; year++) {
      const status = statuses[year - FIRST_YEAR + 1]!;
      if (status !== previous) {
        if (status === 'ended') {
          record('ended', year, cause(['ended'], year));
          ended = true;
        } else if (status === 'paused') record('paused', year, cause(['paused'], year));
        else if (status === 'partly_ended' && rule.partlyEndedIsPause) record('paused', year, cause(['partly_ended'], year));
      }
      previous = status;
    }
    // Ended at a time nobody recorded: it counts, in no year.
    if (!ended && unitCurrentStatus(unit, rule) === 'ended') {
      out.push(new Change(unit, 'ended', null, events().findLast((e) => e.type === 'ended')?.side ?? null, NO_REASONS));
    }
    return out.length ? out : NONE;
  });
}

export interface ChangesYear {
  year: number | null;
  ended: number;
  paused: number;
  endedBySwedishSide: number;
  endedByCounterpart: number;
  endedSideUnknown: number;
}

/** The report's Diagram 5: endings and pauses per year, endings by the side that ended them. */
export function changesPerYear(list: readonly Change[], firstYear: number, lastYear: number): ChangesYear[] {
  const empty = (year: number | null): ChangesYear => ({ year, ended: 0, paused: 0, endedBySwedishSide: 0, endedByCounterpart: 0, endedSideUnknown: 0 });
  const years = new Map<number | null, ChangesYear>();
  for (let y = firstYear; y <= lastYear; y++) years.set(y, empty(y));
  years.set(null, empty(null));
  for (const c of list) {
    const row = years.get(c.year);
    if (!row) continue;
    if (c.type === 'paused') row.paused++;
    else {
      row.ended++;
      if (c.side === 'counterpart') row.endedByCounterpart++;
      else if (c.side === 'swedish' || c.side === 'both') row.endedBySwedishSide++;
      else row.endedSideUnknown++;
    }
  }
  return [...years.values()];
}

export const inPeriod = (c: Change, from: number, to: number) => c.year !== null && c.year >= from && c.year <= to;
