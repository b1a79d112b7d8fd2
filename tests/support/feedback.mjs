// Feedback tests' set-up: a published session of the demo's regional IGF organised by a
// given account (the Secretariat adds a room, creates the session with the account's
// person as organiser, places it and publishes), and moving the server's clock past a
// session's end.
import { api } from './client.mjs';
import { moveClock } from './server.mjs';

export const demoName = 'Regional IGF demo 2027';

export async function demoEdition(server) {
  const editions = (await api(server.base, 'GET', '/api/v1/editions')).json;
  return (editions.editions ?? editions).find((e) => e.name === demoName).id;
}

// A new session `code`, an hour at 08:00 venue time on `day` in a room of its own,
// organised by the person with `email`, published; returns its public JSON.
export async function organisedSession(server, edition, { code, day, email }) {
  const as = (method, rest, body) => api(server.base, method, `/api/v1/editions/${edition}${rest}`, { token: server.admin.token, body });
  const room = await as('POST', '/venue/rooms', { name: `Room for ${code}`, capacity: 40, windows: [{ start: `${day}T07:00`, end: `${day}T20:00` }] });
  if (room.status !== 201) throw new Error('room: ' + room.text);
  const made = await as('POST', '/timetable/sessions', { code, title: `Feedback in practice ${code}`, session_type: 'workshop', duration: 60, people: [{ email, role: 'organiser' }] });
  if (made.status !== 201) throw new Error('session: ' + made.text);
  const draft = (await as('GET', '/timetable')).json.sessions.find((s) => s.code === code);
  const moved = await as('POST', '/timetable/moves', { session: draft.id, room: room.json.id, start: `${day}T08:00`, version: draft.version });
  if (moved.status !== 200) throw new Error('move: ' + moved.text);
  const published = await as('POST', '/timetable/publish');
  if (published.status !== 200) throw new Error('publish: ' + published.text);
  return (await as('GET', `/programme/${code}`)).json;
}

// Moves the server's clock to `seconds` after the UTC instant `iso`.
export async function clockTo(server, iso, seconds = 60) {
  const now = await moveClock(server, 0);
  return moveClock(server, Math.round((Date.parse(iso) - Date.parse(now)) / 1000) + seconds);
}
