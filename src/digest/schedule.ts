import cron from 'node-cron';

export const PRESETS: Record<string, { cron: string; label: string }> = {
  daily: { cron: '0 8 * * *', label: 'daily at 08:00' },
  weekdays: { cron: '0 8 * * 1-5', label: 'weekdays at 08:00' },
  hourly: { cron: '0 * * * *', label: 'hourly, on the hour' },
};

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// ICU in Node 20 still lists some zones under their old names (Europe/Kiev); offer the current ones too.
const RENAMED = ['Europe/Kyiv', 'Asia/Kolkata', 'America/Nuuk', 'Asia/Yangon', 'Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Pacific/Kanton'];
export const TIME_ZONES: string[] = [...new Set(['UTC', ...RENAMED.filter(isTimeZone), ...Intl.supportedValuesOf('timeZone')])];

/** A preset name or a cron expression, checked with cron.validate; the error says what is allowed. */
export function parseSchedule(input: string): { cron: string } | { error: string } {
  const text = input.trim();
  const preset = PRESETS[text.toLowerCase()];
  if (preset) return { cron: preset.cron };
  if (cron.validate(text)) return { cron: text };
  const detail = cron.validateDetailed(text).errors.map((e) => e.message).join('; ');
  return {
    error: `“${text.slice(0, 60)}” is not a schedule${detail ? ` (${detail})` : ''}. Use a preset (${Object.keys(PRESETS).join(', ')}) or a cron expression such as "0 8 * * 1-5".`,
  };
}

export function describeSchedule(expr: string): string {
  return Object.values(PRESETS).find((p) => p.cron === expr)?.label ?? `cron ${expr}`;
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
