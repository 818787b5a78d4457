import { describe, expect, it } from 'vitest';
import { parseFuzzyDate } from '../dates.ts';
import type { EndMode, EventType } from '../../db/schema.ts';
import { currentStatus, statusOn, statusPeriods, type StatusEventLike } from './derive-status.ts';

let nextId = 1;
function ev(type: EventType, date: string, mode?: EndMode): StatusEventLike {
  const d = parseFuzzyDate(date);
  return { id: nextId++, type, dateMin: d.min, dateMax: d.max, datePrecision: d.precision, mode: mode ?? null };
}

describe('derive status', () => {
  it('an agreement with no events is planned', () => {
    expect(currentStatus([])).toBe('planned');
  });

  it('the latest event decides, whatever order they were recorded in', () => {
    const events = [ev('ended', '2019-12-10'), ev('established', '2007')];
    expect(currentStatus(events)).toBe('ended');
  });

  it('an ending in a year is in force until that year is over (the report counts at year end)', () => {
    const events = [ev('established', '2000'), ev('ended', '2016')];
    expect(statusOn(events, '2015-12-31')).toBe('active');
    expect(statusOn(events, '2016-06-30')).toBe('active');
    expect(statusOn(events, '2016-12-31')).toBe('ended');
  });

  it('an agreement did not exist before it was established', () => {
    expect(statusOn([ev('established', '2010')], '2009-12-31')).toBeNull();
  });

  it('pausing and resuming: Göteborg–Shanghai 1989–1990', () => {
    const events = [ev('established', '1986-05'), ev('paused', '1989'), ev('resumed', '1990')];
    expect(statusOn(events, '1989-12-31')).toBe('paused');
    expect(statusOn(events, '1990-12-31')).toBe('active');
  });

  it('an ending known only as "some time between" counts from its last possible day by default', () => {
    const events = [ev('established', '2002'), ev('ended', '2002/2022')];
    expect(statusOn(events, '2021-12-31')).toBe('active');
    expect(statusOn(events, '2022-12-31')).toBe('ended');
    expect(statusOn(events, '2003-12-31', { expiryEnds: false, effectiveOn: 'possible' })).toBe('ended');
  });

  it('an undated ending still ends the agreement today', () => {
    const events = [ev('established', '2002'), ev('ended', 'XXXX')];
    expect(currentStatus(events)).toBe('ended');
    expect(statusOn(events, '2030-01-01')).toBe('active');
  });

  it('expiry of a time-limited agreement does not end it under the report rule', () => {
    const events = [ev('established', '2014'), ev('ended', '2017', 'expiry')];
    expect(currentStatus(events)).toBe('active');
    expect(currentStatus(events, { expiryEnds: true, effectiveOn: 'certain' })).toBe('ended');
  });

  it('activity wakes a dormant agreement but not a paused one', () => {
    expect(currentStatus([ev('established', '2008'), ev('dormant', '2019'), ev('activity_observed', '2020')])).toBe('active');
    expect(currentStatus([ev('established', '2008'), ev('paused', '2019'), ev('activity_observed', '2020')])).toBe('paused');
  });

  it('on the same day the more precise event is the later one, then the one recorded later', () => {
    const a = ev('paused', '2020');
    const b = ev('ended', '2020-12-31');
    expect(currentStatus([b, a])).toBe('ended');
    const c = ev('paused', '2020-05-01');
    const d = ev('resumed', '2020-05-01');
    expect(currentStatus([ev('established', '2010'), d, c].sort((x, y) => y.id - x.id))).toBe('active');
  });

  it('periods run from change to change, open at the end', () => {
    const events = [ev('established', '1986-05'), ev('paused', '1989'), ev('resumed', '1990'), ev('partly_ended', '2020')];
    expect(statusPeriods(events)).toEqual([
      { status: 'active', validFrom: '1986-05-31', validTo: '1989-12-31' },
      { status: 'paused', validFrom: '1989-12-31', validTo: '1990-12-31' },
      { status: 'active', validFrom: '1990-12-31', validTo: '2020-12-31' },
      { status: 'partly_ended', validFrom: '2020-12-31', validTo: null },
    ]);
  });
});
