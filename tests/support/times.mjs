// What the server writes for an instant, computed independently with the ICU inside
// Node's Intl: "23 November 2026, 22:25 (Oslo time) · 21:25 UTC".
function written(iso, timeZone, { date = true } = {}) {
  const p = {};
  const format = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  for (const part of format.formatToParts(new Date(iso))) p[part.type] = part.value;
  return date ? `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}` : `${p.hour}:${p.minute}`;
}

const day = (iso, timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(iso));

// `city` is the words the server uses for the zone ("Oslo"); null for UTC.
export function venueTime(iso, timeZone = 'UTC', city = null) {
  if (timeZone === 'UTC') return `${written(iso, 'UTC')} UTC`;
  const utc = day(iso, timeZone) === day(iso, 'UTC') ? written(iso, 'UTC', { date: false }) : written(iso, 'UTC');
  return `${written(iso, timeZone)} (${city} time) · ${utc} UTC`;
}

export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
