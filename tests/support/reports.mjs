// Session reports' tests: the people of a session (named by a proposal, so the planning
// form finds them by address) and a published session of a new edition.
import assert from 'node:assert/strict';
import { api } from './client.mjs';
import { setCall, workshop, person } from './proposals.mjs';

// An edition of 2024 whose draft proposal names the organiser and the rapporteur (and
// the speakers of workshop()); returns { seed, people } for publishedSession().
export async function sessionPeople(server, { organiser, rapporteur }) {
  const as = (who, method, path, body) => api(server.base, method, path, { token: who.token, body });
  const seed = (await as(server.admin, 'POST', '/api/v1/editions', { name: 'IGF People', year: 2024, start_date: '2024-06-01', end_date: '2024-06-04', time_zone: 'UTC', venue: 'Riyadh' })).json.id;
  await as(server.admin, 'POST', `/api/v1/editions/${seed}/themes`, { name: 'Access', description: '' });
  await setCall(server, seed, { closesInSeconds: 86400 });
  const body = workshop('Access');
  body.organisers = [person(organiser.name, { email: organiser.email, gender: 'man' })];
  body.rapporteurs = [person(rapporteur.name, { email: rapporteur.email })];
  const draft = await as(organiser, 'POST', `/api/v1/editions/${seed}/proposals`, body);
  assert.equal(draft.status, 201, draft.text);
  const people = [{ email: organiser.email, role: 'organiser' }, { email: rapporteur.email, role: 'rapporteur' },
    { email: 'speaker1@speakers.test', role: 'speaker' }, { email: 'speaker2@speakers.test', role: 'speaker' }];
  return { seed, people };
}

// A published session of a new edition: a room open on the edition's second day, the
// session placed at 10:00 and the timetable published. Returns { edition, session, code }.
export async function publishedSession(server, { name, year, code, people }) {
  const as = (method, path, body) => api(server.base, method, path, { token: server.admin.token, body });
  const e = (await as('POST', '/api/v1/editions', { name, year, start_date: `${year}-06-01`, end_date: `${year}-06-04`, time_zone: 'UTC', venue: 'Geneva' })).json.id;
  const url = (rest) => `/api/v1/editions/${e}${rest}`;
  const room = await as('POST', url('/venue/rooms'), { name: 'Room 1', capacity: 100, windows: [{ start: `${year}-06-02T09:00`, end: `${year}-06-02T18:00` }] });
  assert.equal(room.status, 201, room.text);
  const s = await as('POST', url('/timetable/sessions'), { code, title: `Session ${code}`, session_type: 'workshop', duration: 60, people });
  assert.equal(s.status, 201, s.text);
  const draft = (await as('GET', url('/timetable'))).json.sessions.find((x) => x.id === s.json.id);
  const moved = await as('POST', url('/timetable/moves'), { session: s.json.id, room: room.json.id, start: `${year}-06-02T10:00`, version: draft.version });
  assert.equal(moved.status, 200, moved.text);
  const published = await as('POST', url('/timetable/publish'));
  assert.equal(published.status, 200, published.text);
  return { edition: e, session: s.json.id, code };
}

