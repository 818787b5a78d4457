// A calendar feed as iCalendar (RFC 5545): each reminder an all-day event on
// its day (a point's due day, an agreement's expiry, the last day to give
// notice before a renewal, the end of an action plan's period not yet
// reviewed, the day an agreement became quiet, an article's review day), in Swedish with the English beside it, linking to where to act.
// Each event's UID is stable (kind, record, day), so a calendar program that
// reads the feed again updates its events instead of doubling them.
import ical from 'ical-generator';
import type { CalendarScope } from '../../db/schema.ts';
import type { Reminder } from '../../domain/reminders/due.ts';
import { reminderLine, reminderPath } from '../../domain/reminders/send.ts';
import type { CalendarNetworkMeeting } from '../../domain/calendar/network-meetings.ts';
import { monthBounds, type CalendarVisit } from '../../domain/calendar/visits.ts';
import { label, type Lang } from '../i18n.ts';

export function calendarOf(feed: { scope: CalendarScope; reminders: Reminder[] }, origin: string, today: string): string {
  const calendar = ical({
    name: feed.scope === 'person' ? 'Ortsband: min uppföljning' : 'Ortsband: organisationens uppföljning',
    prodId: { company: 'Ortsband', product: 'reminders', language: 'SV' },
    // Calendar programs read a subscribed feed again about every hour.
    ttl: 60 * 60,
  });
  for (const r of feed.reminders) {
    const url = `${origin}${reminderPath(r)}`;
    // An all-day event is a date, not an instant: given as noon UTC, which is the same day in every time zone from UTC−11 to UTC+11.
    const day = new Date(`${r.occasion}T12:00:00Z`);
    calendar.createEvent({
      id: `${r.kind}-${r.subjectId}-${r.occasion}@ortsband`,
      start: day,
      allDay: true,
      summary: reminderLine(r, 'sv', today),
      description: `${reminderLine(r, 'en', today)}\n\n${url}`,
      url,
    });
  }
  return calendar.toString();
}

/** The last day a date known to its month or year may mean. */
const lastDayOf = (edtf: string) => (edtf.length === 7 ? monthBounds(edtf).to : `${edtf.slice(0, 4)}-12-31`);

/** The shared calendar's visits and networks' meetings as iCalendar: all-day events, one known to its month or year over that month or year. */
export function visitsCalendarOf(visits: CalendarVisit[], meetings: CalendarNetworkMeeting[], origin: string, lang: Lang): string {
  const calendar = ical({ name: lang === 'sv' ? 'Ortsband: besök och delegationer' : 'Ortsband: visits and delegations', prodId: { company: 'Ortsband', product: 'visits', language: 'SV' }, ttl: 60 * 60 });
  for (const v of visits) {
    const start = new Date(`${v.dateMin}T12:00:00Z`);
    const end = v.exactDay ? undefined : new Date(`${lastDayOf(v.date)}T12:00:00Z`);
    const url = `${origin}/avtal/${v.agreementSlug}${lang === 'en' ? '?lang=en' : ''}`;
    calendar.createEvent({
      id: `visit-${v.id}@ortsband`,
      start,
      ...(end ? { end: new Date(end.getTime() + 86_400_000) } : {}),
      allDay: true,
      summary: `${label(lang, 'activity', v.kind)}: ${lang === 'en' && v.titleEn ? v.titleEn : v.title} (${v.partyLabel} – ${v.counterpartLabel})`,
      description: url,
      url,
    });
  }
  for (const m of meetings) {
    const start = new Date(`${m.heldMin}T12:00:00Z`);
    // A meeting's date is at least its year; one such as 2027~ or a range is shown over its first year.
    const end = m.exactDay ? undefined : new Date(`${lastDayOf(/^[0-9]{4}-[0-9]{2}$/.test(m.heldOn) ? m.heldOn : m.heldMin.slice(0, 4))}T12:00:00Z`);
    const url = `${origin}/natverk/${m.networkId}/moten/${m.id}${lang === 'en' ? '?lang=en' : ''}`;
    calendar.createEvent({
      id: `network-meeting-${m.id}@ortsband`,
      start,
      ...(end ? { end: new Date(end.getTime() + 86_400_000) } : {}),
      allDay: true,
      summary: `${lang === 'sv' ? 'Nätverksmöte' : 'Network meeting'}: ${m.networkName}${m.place ? `, ${m.place}` : ''}`,
      description: url,
      url,
    });
  }
  return calendar.toString();
}
