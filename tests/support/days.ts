// Days counted from today in Stockholm, as the reminders and warnings count them.
import { todayInStockholm } from '../../src/web/format.ts';

/** The day `offset` days from today (negative: before), as YYYY-MM-DD. */
export const daysFromToday = (offset: number, today = todayInStockholm()) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
