// Writes a realistic assignment instance for `convene assign`: proposals in issue-area
// groups, evaluators in one or two groups with a stakeholder group and an organisation,
// 1% declared conflicts, some evaluators named on proposals, ten preferences each.
// TWO_GROUPS is the share of evaluators in a second group (default 0.5); with 0, each
// issue area is an independent part of the instance.
// Usage: node bench/assign_instance.mjs PROPOSALS EVALUATORS K GROUPS SEED [TWO_GROUPS] > instance.json
const [proposals, evaluators, k, groups, seed, twoGroupsArg] = process.argv.slice(2).map(Number);
const twoGroups = Number.isFinite(twoGroupsArg) ? twoGroupsArg : 0.5;
let state = BigInt(seed || 1);
const random = () => { state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn; return Number(state >> 33n) / 2 ** 31; };
const pick = (n) => Math.floor(random() * n);
const sectors = ['government', 'civil_society', 'private_sector', 'technical_community', 'intergovernmental'];
const organisation = () => `Organisation ${pick(Math.max(50, proposals / 4))}`;
const instance = { per_proposal: k, proposals: [], evaluators: [], conflicts: [], preferences: [] };
const byGroup = Array.from({ length: groups }, () => []);
for (let p = 0; p < proposals; p++) {
  const group = `G${pick(groups)}`;
  const people = [];
  if (random() < 0.02) people.push(`e${pick(evaluators)}`);
  instance.proposals.push({ id: `p${p}`, group, organisations: [organisation(), organisation()], people });
  byGroup[Number(group.slice(1))].push(`p${p}`);
}
const maxLoad = Math.ceil((proposals * k / evaluators) * 1.3);
for (let e = 0; e < evaluators; e++) {
  const own = [pick(groups)];
  if (random() < twoGroups) own.push(pick(groups));
  instance.evaluators.push({ id: `e${e}`, organisation: organisation(), stakeholder_group: sectors[pick(sectors.length)], groups: [...new Set(own)].map((g) => `G${g}`), max_load: maxLoad });
  for (let i = 0; i < 10; i++) {
    const pool = byGroup[own[0]];
    if (pool.length) instance.preferences.push({ evaluator: `e${e}`, proposal: pool[pick(pool.length)], weight: 1 + pick(3) });
  }
  const pool = byGroup[own[0]];
  if (pool.length && random() < proposals / evaluators / 10) instance.conflicts.push([`e${e}`, pool[pick(pool.length)]]);
}
process.stdout.write(JSON.stringify(instance));
