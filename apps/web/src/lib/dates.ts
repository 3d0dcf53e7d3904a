/**
 * Calendar dates and wall-clock times as Leerwinkel's users mean them: on the Brussels clock,
 * whatever the time zone of the browser. Date inputs give `YYYY-MM-DD`, date-time inputs
 * `YYYY-MM-DDTHH:mm`; the API takes dates as `YYYY-MM-DD` and moments as ISO 8601 with an offset.
 */
const TIME_ZONE = 'Europe/Brussels';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function brusselsClock(instant: Date): WallClock {
  const parts = clock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? '0');
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** The Brussels calendar date of `instant` (default: now) as `YYYY-MM-DD`. */
export function brusselsDate(instant: Date = new Date()): string {
  const wall = brusselsClock(instant);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** The Brussels wall-clock time of `instant` (default: now) as a `datetime-local` value, `YYYY-MM-DDTHH:mm`. */
export function brusselsDateTimeLocal(instant: Date = new Date()): string {
  const wall = brusselsClock(instant);
  return `${brusselsDate(instant)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** Minutes Brussels is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function brusselsOffsetMinutes(instant: number): number {
  const wall = brusselsClock(new Date(instant));
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** True for an existing calendar day written as `YYYY-MM-DD` (so not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`), as the API counts them. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * A `datetime-local` value read as Brussels wall-clock time, as ISO 8601 with the Brussels offset
 * of that moment: "2026-03-05T14:07" → "2026-03-05T14:07:00+01:00". Undefined for anything else.
 */
export function brusselsLocalToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return undefined;
  const [, date = '', hourText = '', minuteText = '', secondText = '00'] = match;
  const [hour, minute, second] = [Number(hourText), Number(minuteText), Number(secondText)];
  if (!isCalendarDate(date) || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hour,
    minute,
    second,
  );
  // The offset depends on the moment itself (summer time): guess, then correct once.
  const guess = brusselsOffsetMinutes(wall);
  const offset = brusselsOffsetMinutes(wall - guess * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const absolute = Math.abs(offset);
  return `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/**
 * The first day (`YYYY-MM-01`) of the month `monthsBack` months before the month of `day` (`YYYY-MM-DD`):
 * `firstOfMonthBefore('2026-03-05', 11)` is '2025-04-01' (a period of the last 12 whole months).
 */
export function firstOfMonthBefore(day: string, monthsBack: number): string {
  const first = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - monthsBack, 1));
  return `${pad(first.getUTCFullYear(), 4)}-${pad(first.getUTCMonth() + 1)}-01`;
}

/** The months (`YYYY-MM`) from the month of `from` through the month of `to` (both `YYYY-MM-DD`), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${pad(year, 4)}-${pad(month)}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
