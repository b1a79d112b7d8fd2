// An edition ready for the MAG's evaluation: an open call with two themes, six MAG
// members of different stakeholder groups, proposals whose organisers and proposers have
// names, e-mails and organisations no evaluator may ever see, and a published assignment.
import { api, Visitor } from './client.mjs';
import { openCall, proposer, workshop, person, csrfPair } from './proposals.mjs';

const groups = ['government', 'private_sector', 'civil_society', 'technical_community', 'intergovernmental', 'academia'];

// What an evaluator must never read: the proposal's organisers and proposer.
export const hidden = {
  names: ['Zebulon Quartermaine', 'Philippa Vandersloot', 'Quincy Proposerson'],
  emails: ['zebulon@quartermaine-foundation.test', 'philippa@vandersloot.test'],
  organisations: ['Quartermaine Foundation', 'Vandersloot Digital Rights Lab'],
};

export function secretProposal(theme, i, format = 'roundtable') {
  const p = workshop(theme, { mailDomain: `speakers${i}.test` });
  p.title = `Evaluation test proposal ${i}: ${theme}`;
  p.format = format;
  if (format === 'flash') p.duration = 30;
  p.organisers = [
    person(hidden.names[0], { email: hidden.emails[0], organisation: hidden.organisations[0], country: 'KE' }),
    person(hidden.names[1], { email: hidden.emails[1], organisation: hidden.organisations[1], country: 'DE' }),
  ];
  return p;
}

export async function evaluationEdition(server, { proposals = 6, members = 6, perProposal = 3, assign = true } = {}) {
  const token = server.admin.token;
  const as = (method, path, body) => api(server.base, method, path, { token, body });
  const edition = await openCall(server, { name: `IGF evaluation ${Date.now()}` });
  await as('POST', `/api/v1/editions/${edition}/themes`, { name: 'AI', description: '' });
  const team = [];
  for (let i = 1; i <= members; i++) {
    const email = `member${i}.${edition}@mag.test`;
    const added = await as('POST', `/api/v1/editions/${edition}/members`, {
      name: `Member ${String.fromCharCode(64 + i)} ${edition}`, email, organisation: `Member Org ${i}`,
      country: 'BR', stakeholder_group: groups[(i - 1) % groups.length], gender: i % 2 ? 'woman' : 'man',
    });
    if (added.status !== 201) throw new Error('member: ' + added.text);
    team.push({ account: added.json.account_id, email, password: added.json.temporary_password });
  }
  const author = await proposer(server, hidden.names[2]);
  const ids = [];
  for (let i = 1; i <= proposals; i++) {
    const body = { ...secretProposal(i % 2 ? 'Access' : 'AI', i, i === proposals ? 'flash' : 'roundtable'), submit: true, creation_key: `eval-${edition}-${i}` };
    const r = await api(server.base, 'POST', `/api/v1/editions/${edition}/proposals`, { token: author.token, body });
    if (r.status !== 201 && r.status !== 200) throw new Error('proposal: ' + r.text);
    ids.push(r.json.id);
  }
  const deadline = new Date(Date.now() + 7 * 86400000).toISOString().replace(/\.\d+Z$/, 'Z');
  await as('PUT', `/api/v1/editions/${edition}/evaluation-settings`, { per_proposal: perProposal, deadline });
  if (!assign) return { edition, members: team, proposals: ids, author, assignments: [] };
  const run = await as('POST', `/api/v1/editions/${edition}/assignment`);
  if (run.status !== 200) throw new Error('assignment: ' + run.text);
  await as('POST', `/api/v1/editions/${edition}/assignment/publish`);
  return { edition, members: team, proposals: ids, author, assignments: run.json.assignments };
}

// A member signed in through the sign-in page, able to call the API with the session.
export async function signedInMember(server, member) {
  const v = new Visitor(server.base);
  const r = await v.signIn(member.email, member.password);
  if (r.status !== 303) throw new Error('sign-in failed: ' + r.status);
  v.api = async (method, path, body) => {
    const headers = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = v.cookies.get('convene_csrf') ?? csrfPair()['x-csrf-token'];
    const r = await v.request(method, path, { body: body === undefined ? undefined : JSON.stringify(body), type: body === undefined ? undefined : 'application/json', headers });
    let json = null;
    try { json = r.json(); } catch { /* not JSON */ }
    return { ...r, json };
  };
  return v;
}
