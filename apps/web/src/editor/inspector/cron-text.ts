const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad = (text: string) => text.padStart(2, '0');

function daysText(field: string): string | null {
  if (field === '*') return null;
  if (field === '1-5') return 'on weekdays';
  const days = field.split(',').map((day) => (/^\d$/.test(day) ? dayNames[Number(day) % 7] : undefined));
  return days.every(Boolean) ? `on ${days.join(', ')}` : null;
}

/**
 * A cron expression in words, for the usual shapes ("0 9 * * 1" → "Every Monday at 09:00"); for
 * anything else, what the five fields are. A hint only: the server's schedule is the authority.
 */
export function cronText(cron: string): string {
  const fields = cron.trim().split(/\s+/);
  const help = 'Five fields: minute, hour, day of month, month, day of week (in the workspace time zone).';
  if (fields.length !== 5 || fields[0] === '') return help;
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = fields;
  if (!/^\d{1,2}$/.test(minute)) {
    if (minute.startsWith('*/') && hour === '*' && dayOfMonth === '*' && month === '*' && dayOfWeek === '*') return `Every ${minute.slice(2)} minutes`;
    return help;
  }
  if (hour === '*' && dayOfMonth === '*' && month === '*' && dayOfWeek === '*') return `Every hour at minute ${Number(minute)}`;
  if (!/^\d{1,2}$/.test(hour) || month !== '*') return help;
  const at = `at ${pad(hour)}:${pad(minute)}`;
  if (dayOfMonth === '*') {
    const days = daysText(dayOfWeek);
    if (dayOfWeek === '*') return `Every day ${at}`;
    return days ? `Every week ${days} ${at}` : help;
  }
  if (/^\d{1,2}$/.test(dayOfMonth) && dayOfWeek === '*') return `Every month on day ${Number(dayOfMonth)} ${at}`;
  return help;
}
