import { describe, expect, it } from 'vitest';
import { addMonths, renewalDates, type RenewalTerms } from './renewal-dates.ts';

const terms = (t: Partial<RenewalTerms>): RenewalTerms => ({ start: '2015-03-04', termMonths: 24, renewalMonths: null, noticeMonths: null, noticeDays: null, ...t });

describe('renewal dates', () => {
  it('adds months on the same day, or the last day of a month that has no such day', () => {
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2015-01-31', 2)).toBe('2015-03-31');
    expect(addMonths('2016-02-29', 12)).toBe('2017-02-28');
    expect(addMonths('2016-02-29', 48)).toBe('2020-02-29');
    expect(addMonths('2015-03-31', -1)).toBe('2015-02-28');
    expect(addMonths('2015-01-15', -1)).toBe('2014-12-15');
    expect(addMonths('2015-12-31', 1)).toBe('2016-01-31');
  });

  it('gives the day a fixed term runs out, and whether it has passed', () => {
    expect(renewalDates(terms({}), '2016-01-01')).toEqual({ kind: 'expires', on: '2017-03-04', past: false });
    expect(renewalDates(terms({}), '2017-03-05')).toEqual({ kind: 'expires', on: '2017-03-04', past: true });
  });

  it('gives the next renewal and the last day to give notice, the term counted from the start each time', () => {
    // Two years, renewed two years at a time, three months' notice; on 2020-01-01 the next renewal is 2021-03-04.
    const t = terms({ renewalMonths: 24, noticeMonths: 3 });
    expect(renewalDates(t, '2020-01-01')).toEqual({ kind: 'renews', renewsOn: '2021-03-04', noticeBy: '2020-12-04', nextNotice: { renewsOn: '2021-03-04', noticeBy: '2020-12-04' } });
    // On the renewal day itself it is still the next renewal; the day after, the one two years on.
    expect(renewalDates(t, '2021-03-04')).toMatchObject({ renewsOn: '2021-03-04' });
    expect(renewalDates(t, '2021-03-05')).toMatchObject({ renewsOn: '2023-03-04', noticeBy: '2022-12-04' });
    // The notice day for 2021 has passed: the next chance is before 2023's renewal.
    expect(renewalDates(t, '2021-01-10')).toEqual({ kind: 'renews', renewsOn: '2021-03-04', noticeBy: '2020-12-04', nextNotice: { renewsOn: '2023-03-04', noticeBy: '2022-12-04' } });
    // An agreement of 1986 renewed yearly, read in 2026.
    expect(renewalDates(terms({ start: '1986-05-20', termMonths: 12, renewalMonths: 12, noticeDays: 30 }), '2026-12-06')).toMatchObject({ renewsOn: '2027-05-20', noticeBy: '2027-04-20' });
  });

  it('keeps month ends: 31 January plus one month each time', () => {
    const t = terms({ start: '2015-01-31', termMonths: 1, renewalMonths: 1, noticeMonths: 1 });
    expect(renewalDates(t, '2015-02-01')).toMatchObject({ renewsOn: '2015-02-28', noticeBy: '2015-01-28' });
    expect(renewalDates(t, '2015-03-01')).toMatchObject({ renewsOn: '2015-03-31', noticeBy: '2015-02-28' });
    expect(renewalDates(t, '2016-02-01')).toMatchObject({ renewsOn: '2016-02-29', noticeBy: '2016-01-29' });
  });

  it('keeps leap days: a term begun on 29 February renews on 28 February in common years', () => {
    const t = terms({ start: '2016-02-29', termMonths: 12, renewalMonths: 12, noticeDays: 1 });
    expect(renewalDates(t, '2016-03-01')).toMatchObject({ renewsOn: '2017-02-28', noticeBy: '2017-02-27' });
    expect(renewalDates(t, '2019-03-01')).toMatchObject({ renewsOn: '2020-02-29', noticeBy: '2020-02-28' });
  });

  it('finds the next chance to give notice when the notice is longer than a renewal', () => {
    const t = terms({ start: '2020-01-01', termMonths: 12, renewalMonths: 6, noticeMonths: 9 });
    // Renewals 2021-01-01, 2021-07-01, 2022-01-01; on 2021-06-01 the notices for 2021-07-01 and 2022-01-01 (2021-04-01) have passed.
    expect(renewalDates(t, '2021-06-01')).toEqual({ kind: 'renews', renewsOn: '2021-07-01', noticeBy: '2020-10-01', nextNotice: { renewsOn: '2022-07-01', noticeBy: '2021-10-01' } });
  });

  it('gives no notice day without a notice period, and a zero notice on the renewal day', () => {
    expect(renewalDates(terms({ renewalMonths: 24 }), '2016-01-01')).toEqual({ kind: 'renews', renewsOn: '2017-03-04', noticeBy: null, nextNotice: null });
    expect(renewalDates(terms({ renewalMonths: 24, noticeDays: 0 }), '2016-01-01')).toMatchObject({ noticeBy: '2017-03-04' });
  });

  it('says so, and invents no day, when the start is known only to the year or month, or is about, or unknown', () => {
    const t = terms({ start: '2015', renewalMonths: 24, noticeMonths: 3 });
    expect(renewalDates(t, '2020-06-01')).toEqual({
      kind: 'no_day',
      start: '2015',
      renewal: 'renews',
      between: { from: '2021-01-01', to: '2021-12-31' },
      noticeBetween: { from: '2020-10-01', to: '2021-09-30' },
    });
    expect(renewalDates(terms({ start: '2015-03' }), '2016-01-01')).toEqual({ kind: 'no_day', start: '2015-03', renewal: 'expires', between: { from: '2017-03-01', to: '2017-03-31' }, noticeBetween: null });
    expect(renewalDates(terms({ start: '2015-03-04~' }), '2016-01-01')).toMatchObject({ kind: 'no_day', between: { from: '2017-03-04', to: '2017-03-04' } });
    for (const start of [null, 'XXXX', '../2015', 'not a date']) {
      expect(renewalDates(terms({ start, renewalMonths: 12 }), '2016-01-01')).toEqual({ kind: 'no_day', start, renewal: 'renews', between: null, noticeBetween: null });
    }
  });

  it('restarts the reckoning from a renewal recorded to the day, later than the start', () => {
    // Renewed every 24 months from 2015-03-04, but re-signed on 2018-06-10: the next renewal is 2020-06-10, not 2019-03-04.
    const renewing = terms({ renewalMonths: 24, noticeMonths: 3 });
    expect(renewalDates({ ...renewing, renewedOn: '2018-06-10' }, '2019-01-01')).toMatchObject({ kind: 'renews', renewsOn: '2020-06-10', noticeBy: '2020-03-10' });
    // A fixed term prolonged by decision runs one more term from that day.
    expect(renewalDates(terms({ renewedOn: '2017-01-20' }), '2017-06-01')).toEqual({ kind: 'expires', on: '2019-01-20', past: false });
    // Known only to the year, or not later than the start: the reckoning stays with the start.
    expect(renewalDates({ ...renewing, renewedOn: '2018' }, '2019-01-01')).toMatchObject({ kind: 'renews', renewsOn: '2019-03-04' });
    expect(renewalDates({ ...renewing, renewedOn: '2015-03-04' }, '2016-01-01')).toMatchObject({ kind: 'renews', renewsOn: '2017-03-04' });
    // A start known only to its year ends no later than 2015-12-31: a renewal after it restarts the reckoning with a day.
    expect(renewalDates({ ...renewing, start: '2015', renewedOn: '2016-02-01' }, '2016-06-01')).toMatchObject({ kind: 'renews', renewsOn: '2018-02-01' });
  });

  it('gives nothing for an agreement that has ended or has no structured term', () => {
    expect(renewalDates(terms({ renewalMonths: 24, noticeMonths: 3, ended: true }), '2016-01-01')).toEqual({ kind: 'none', why: 'ended' });
    expect(renewalDates(terms({ termMonths: null }), '2016-01-01')).toEqual({ kind: 'none', why: 'no_term' });
  });
});
