// Alertmanager's time intervals (`time_intervals:` / `mute_time_intervals:`):
// times (start_time/end_time HH:MM), weekdays ('monday:friday'),
// days_of_month (1:7, -1 for the last day), months ('january:march' or
// numbers), years, and a location (IANA zone, default UTC). An interval
// matches when every field it sets matches; a named interval is a list of
// them, any of which may match.

export interface TimeInterval {
  times?: Array<{ startMin: number; endMin: number }>;
  weekdays?: Array<[number, number]>;
  daysOfMonth?: Array<[number, number]>;
  months?: Array<[number, number]>;
  years?: Array<[number, number]>;
  location?: string;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function clock(s: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && m[2] !== '00'))
    throw new Error(`couldn't parse timestamp ${s}, invalid format`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function parseTimes(list: Array<{ start_time?: string; end_time?: string }>): Array<{ startMin: number; endMin: number }> {
  return list.map((t) => {
    if (!t.start_time || !t.end_time) throw new Error('both start and end times must be provided');
    const startMin = clock(t.start_time);
    const endMin = clock(t.end_time);
    if (startMin >= endMin) throw new Error('start time cannot be equal or greater than end time');
    return { startMin, endMin };
  });
}

/** '1:5', 'monday:friday', 'march' -> inclusive ranges. */
export function parseRanges(list: string[], what: 'weekdays' | 'days_of_month' | 'months' | 'years'): Array<[number, number]> {
  const one = (s: string): number => {
    const t = s.trim().toLowerCase();
    if (what === 'weekdays') {
      const i = WEEKDAYS.indexOf(t);
      if (i < 0) throw new Error(`${s} is not a valid weekday`);
      return i;
    }
    if (what === 'months' && MONTHS.includes(t)) return MONTHS.indexOf(t) + 1;
    if (!/^-?\d+$/.test(t)) throw new Error(`invalid ${what} value: ${s}`);
    const n = Number(t);
    if (what === 'months' && (n < 1 || n > 12)) throw new Error(`${s} is not a valid month`);
    if (what === 'days_of_month' && (n === 0 || n < -31 || n > 31)) throw new Error(`${s} is not a valid day of the month`);
    return n;
  };
  return list.map((item) => {
    const parts = item.split(':');
    if (parts.length > 2) throw new Error(`invalid range: ${item}`);
    const a = one(parts[0]!);
    const b = parts.length === 2 ? one(parts[1]!) : a;
    return [a, b];
  });
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minute: number;
  daysInMonth: number;
}

function localTime(ms: number, zone: string): LocalTime {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'long',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const year = Number(p.year);
  const month = Number(p.month);
  return {
    year,
    month,
    day: Number(p.day),
    weekday: WEEKDAYS.indexOf(String(p.weekday).toLowerCase()),
    minute: Number(p.hour) * 60 + Number(p.minute),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}

const inRanges = (v: number, ranges: Array<[number, number]>) => ranges.some(([a, b]) => v >= a && v <= b);

export function intervalContains(ti: TimeInterval, ms: number): boolean {
  const t = localTime(ms, ti.location ?? 'UTC');
  if (ti.times && !ti.times.some((r) => t.minute >= r.startMin && t.minute < r.endMin)) return false;
  if (ti.weekdays && !inRanges(t.weekday, ti.weekdays)) return false;
  if (ti.daysOfMonth) {
    // Negative days count from the end of the month (-1 = the last day).
    const abs = (d: number) => (d < 0 ? t.daysInMonth + d + 1 : d);
    if (!ti.daysOfMonth.some(([a, b]) => t.day >= abs(a) && t.day <= abs(b))) return false;
  }
  if (ti.months && !inRanges(t.month, ti.months)) return false;
  if (ti.years && !inRanges(t.year, ti.years)) return false;
  return true;
}

export function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
