// A complete workshop proposal in the API's JSON shape, and helpers to set up a call
// and proposers for the proposal tests.
import { api } from './client.mjs';
import { randomBytes } from 'node:crypto';

// A script without a browser proves it is no cross-site form by the double-submit pair.
export function csrfPair() {
  const t = randomBytes(32).toString('hex');
  return { cookie: `convene_csrf=${t}`, 'x-csrf-token': t };
}

export function person(name, extra = {}) {
  return { name, organisation: 'Example Institute', country: 'KE', stakeholder_group: 'civil_society', gender: 'woman', ...extra };
}

export function workshop(theme, { speakers = 4, mailDomain = 'speakers.test' } = {}) {
  const list = [];
  for (let i = 1; i <= speakers; i++)
    list.push(person(`Speaker ${i}`, { email: `speaker${i}@${mailDomain}`, gender: i % 2 ? 'woman' : 'man', confirmation: 'provisionally_confirmed', onsite: i % 3 !== 0 }));
  return {
    session_type: 'workshop',
    title: 'Meaningful connectivity for rural schools',
    theme,
    format: 'roundtable',
    duration: 60,
    description: 'How schools far from cities get **affordable** access, and what policy helps.',
    policy_questions: ['Which funding models work for the last mile?'],
    tags: ['Access'],
    sdgs: ['SDG 4: Quality education'],
    agenda: '1. Opening\n2. Round of experiences\n3. Open discussion',
    expected_outcomes: 'A short list of policy options, published in the report.',
    online_participation: 'An online moderator takes questions from the chat in turn with the room.',
    relevance: 'Access is the theme of the year.',
    organisers: [person('Olu Organiser', { email: 'olu@organisers.test', country: 'NG', gender: 'man' })],
    speakers: list,
    moderators: [person('Mia Moderator', { onsite: true, confirmation: 'confirmed' })],
    online_moderators: [person('Omar Online', { onsite: false, confirmation: 'confirmed', gender: 'man' })],
    rapporteurs: [person('Rita Rapporteur', { confirmation: 'confirmed' })],
  };
}

// Opens the call of a new edition with one theme; returns the edition's id.
export async function openCall(server, { closesInSeconds = 30 * 86400, name = 'IGF Test' } = {}) {
  const token = server.admin.token;
  const edition = await api(server.base, 'POST', '/api/v1/editions', { token, body: { name, year: 2031, start_date: '2031-06-01', end_date: '2031-06-04', time_zone: 'UTC', venue: 'Nairobi' } });
  const id = edition.json.id;
  await api(server.base, 'POST', `/api/v1/editions/${id}/themes`, { token, body: { name: 'Access', description: '' } });
  await setCall(server, id, { closesInSeconds });
  return id;
}

export async function setCall(server, edition, { closesInSeconds }) {
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  return api(server.base, 'PUT', `/api/v1/editions/${edition}/call`, {
    token: server.admin.token,
    body: { opens_at: iso(Date.now() - 86400000), closes_at: iso(Date.now() + closesInSeconds * 1000), tags: ['Access', 'AI'], policy_questions: ['Which funding models work for the last mile?'] },
  });
}

let counter = 0;
// A new proposer through the public registration API; returns their API token.
export async function proposer(server, name = 'Pat Proposer') {
  counter += 1;
  const email = `proposer${counter}.${Date.now()}@proposers.test`;
  const r = await api(server.base, 'POST', '/api/v1/registrations', { body: { name, email, password: 'a long enough password', api_token: true }, headers: csrfPair() });
  if (r.status !== 201) throw new Error('registration failed: ' + r.text);
  return { token: r.json.api_token, email, id: r.json.id, name };
}
