import cron from 'node-cron';
import { isTimeZone } from '../time-zone.ts';

export const PRESETS: Record<string, { cron: string; label: string }> = {
  daily: { cron: '0 8 * * *', label: 'daily at 08:00' },
  weekdays: { cron: '0 8 * * 1-5', label: 'weekdays at 08:00' },
  hourly: { cron: '0 * * * *', label: 'hourly, on the hour' },
};

export { isTimeZone };

// ICU in Node 20 still lists some zones under their old names (Europe/Kiev); offer the current ones too.
const RENAMED = [
  'Europe/Kyiv',
  'Asia/Kolkata',
  'America/Nuuk',
  'Asia/Yangon',
  'Asia/Ho_Chi_Minh',
  'Asia/Kathmandu',
  'Pacific/Kanton',
];
export const TIME_ZONES: string[] = [
  ...new Set(['UTC', ...RENAMED.filter(isTimeZone), ...Intl.supportedValuesOf('timeZone')]),
];

/** The IANA name in its canonical spelling ("utc" → "UTC"), or null when it is not a time zone. */
export function canonicalTimeZone(tz: string): string | null {
  if (!isTimeZone(tz)) return null;
  return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
}

/** Channels get at most this many digests an hour; a schedule that fires more often would flood them. */
export const MAX_POSTS_PER_HOUR = 4;

/**
 * A preset name or a cron expression, checked with cron.validate; the error says what is allowed.
 * Channel schedules take five fields and fire at most every 15 minutes; `allowSeconds` (the local console)
 * lifts both limits.
 */
export function parseSchedule(input: string, { allowSeconds = false } = {}): { cron: string } | { error: string } {
  const text = input.trim().replace(/\s+/g, ' ');
  const preset = PRESETS[text.toLowerCase()];
  if (preset) return { cron: preset.cron };
  if (cron.validate(text)) {
    if (allowSeconds) return { cron: text };
    if (text.split(' ').length !== 5)
      return {
        error:
          `“${text.slice(0, 60)}” has a seconds field; use five fields (minute hour day month weekday), e.g. ` +
          `"0 8 * * 1-5".`,
      };
    if (cron.parse(text).minute.length > MAX_POSTS_PER_HOUR) {
      return {
        error:
          `“${text.slice(0, 60)}” would post more than ${MAX_POSTS_PER_HOUR} times an hour; choose at most ` +
          `every 15 minutes, e.g. "*/15 * * * *", or a preset.`,
      };
    }
    return { cron: text };
  }
  const detail = cron
    .validateDetailed(text)
    .errors.map((e) => e.message.replace(' is a invalid expression for ', ' is not a valid '))
    .join('; ');
  return {
    error:
      `“${text.slice(0, 60)}” is not a schedule${detail ? ` (${detail})` : ''}. Use a preset ` +
      `(${Object.keys(PRESETS).join(', ')}) or a cron expression such as "0 8 * * 1-5".`,
  };
}

export function describeSchedule(expr: string): string {
  return Object.values(PRESETS).find((p) => p.cron === expr)?.label ?? `cron ${expr}`;
}

/** A slot as people read it: "2025-11-23 08:00 UTC", or "… (posted on demand)" for /digest now. */
export function describeSlot(slot: string): string {
  const manual = slot.startsWith('now-');
  const iso = manual ? slot.slice(4) : slot;
  return `${iso.slice(0, 16).replace('T', ' ')} UTC${manual ? ' (on demand)' : ''}`;
}

export function slotKey(date: Date): string {
  const d = new Date(date);
  d.setUTCMilliseconds(0);
  return d.toISOString();
}

/**
 * The most recent time the schedule fired at or before `now`, looking back at most `windowMs`;
 * minute resolution, in the schedule's own time zone (so daylight-saving changes are honoured).
 */
export function latestSlot(expr: string, timezone: string, now: Date, windowMs: number): Date | null {
  const task = cron.createTask(expr, () => {}, { timezone });
  const t = new Date(now);
  t.setUTCSeconds(0, 0);
  for (let m = 0; m * 60_000 <= windowMs; m++) {
    const candidate = new Date(t.getTime() - m * 60_000);
    if (task.match(candidate)) return candidate;
  }
  return null;
}
