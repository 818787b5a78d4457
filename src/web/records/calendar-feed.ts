// A calendar feed as iCalendar (RFC 5545): each reminder an all-day event on
// its day (a point's due day, an agreement's expiry, the day it became
// quiet), in Swedish with the English beside it, linking to where to act.
// Each event's UID is stable (kind, record, day), so a calendar program that
// reads the feed again updates its events instead of doubling them.
import ical from 'ical-generator';
import type { CalendarScope } from '../../db/schema.ts';
import type { Reminder } from '../../domain/reminders/due.ts';
import { reminderLine } from '../../domain/reminders/send.ts';

export function calendarOf(feed: { scope: CalendarScope; reminders: Reminder[] }, origin: string, today: string): string {
  const calendar = ical({
    name: feed.scope === 'person' ? 'Ortsband: min uppföljning' : 'Ortsband: organisationens uppföljning',
    prodId: { company: 'Ortsband', product: 'reminders', language: 'SV' },
    // Calendar programs read a subscribed feed again about every hour.
    ttl: 60 * 60,
  });
  for (const r of feed.reminders) {
    const url = r.kind === 'follow_up_due' ? `${origin}/avtal/${r.agreementSlug}/aktiviteter#punkt-${r.subjectId}` : `${origin}/avtal/${r.agreementSlug}`;
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
