/** Day arithmetic for policy windows: whole elapsed days, counted in 24-hour periods (UTC). */

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (floor of elapsed 24-hour periods; negative when `to` is earlier). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / dayMs);
}

/** `date` moved by `days` whole days. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * dayMs);
}

/** "2024-05-01": a date for operator messages. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Whether `now` is inside a window of `windowDays` opened at `start`. Day N after the start is
 * inside when N ≤ windowDays: delivered exactly 30×24 h ago is inside a 30-day window, 31 days is not.
 */
export function isWithinWindow(start: Date, windowDays: number, now: Date): boolean {
  return wholeDaysBetween(start, now) <= windowDays;
}
