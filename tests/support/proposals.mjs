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
export async function openCall(server, { closesInSeconds = 30 * 86400, name = 'IGF Test', timeZone = 'UTC' } = {}) {
  const token = server.admin.token;
  const edition = await api(server.base, 'POST', '/api/v1/editions', { token, body: { name, year: 2031, start_date: '2031-06-01', end_date: '2031-06-04', time_zone: timeZone, venue: 'Nairobi' } });
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

// The newest link of a kind (verify, co-organise, enrolment, confirm) in the mail
// queued for an address, read from the outbox as the Secretariat sees it.
export async function linkInMail(server, recipient, kind = 'verify') {
  const outbox = await api(server.base, 'GET', '/api/v1/outbox', { token: server.admin.token });
  const mail = outbox.json.messages.find((m) => m.recipient === recipient && m.body.includes(`/${kind}/`));
  if (!mail) throw new Error(`no ${kind} mail to ${recipient}`);
  return mail.body.match(new RegExp(`/${kind}/([0-9a-f]{64})`))[1];
}

let counter = 0;
// A new proposer through the public registration API, their address confirmed by the
// link in the mail; returns their API token.
export async function proposer(server, name = 'Pat Proposer') {
  counter += 1;
  const email = `proposer${counter}.${Date.now()}@proposers.test`;
  const r = await api(server.base, 'POST', '/api/v1/registrations', { body: { name, email, password: 'a long enough password' }, headers: csrfPair() });
  if (r.status !== 202) throw new Error('registration failed: ' + r.text);
  const link = await linkInMail(server, email);
  const confirmed = await api(server.base, 'POST', `/api/v1/verifications/${link}`, { body: { password: 'a long enough password', api_token: true }, headers: csrfPair() });
  if (confirmed.status !== 200) throw new Error('confirmation failed: ' + confirmed.text);
  return { token: confirmed.json.api_token, email, id: confirmed.json.id, name };
}
