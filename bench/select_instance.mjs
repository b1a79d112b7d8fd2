// Writes a realistic selection instance for `convene select`: proposals with mean scores
// of five evaluators (so ties happen), themes, organisations (some with several
// proposals), regional and stakeholder groups, developing-country and first-time flags;
// 40 constraints (per regional group and stakeholder group minimums, per theme maximums,
// developing and first-time minimums), one per organisation, merged pairs, forced units.
// Usage: node bench/select_instance.mjs PROPOSALS SLOTS SEED > instance.json
const [proposals, slots, seed] = process.argv.slice(2).map(Number);
let state = BigInt(seed || 1);
const random = () => { state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn; return Number(state >> 33n) / 2 ** 31; };
const pick = (n) => Math.floor(random() * n);
const regions = ['african', 'asia_pacific', 'eastern_european', 'grulac', 'weog'];
const sectors = ['government', 'civil_society', 'private_sector', 'technical_community', 'intergovernmental', 'academia', 'youth'];
const themes = Array.from({ length: 8 }, (_, i) => `Theme ${i + 1}`);
const instance = { slots, max_per_organisation: 1, proposals: [], constraints: [], forced_in: [], forced_out: [], merged: [] };
for (let p = 1; p <= proposals; p++) {
  let total = 0;
  for (let e = 0; e < 5; e++) total += 1 + pick(5);
  const region = regions[pick(regions.length)];
  instance.proposals.push({
    id: p, score: total / 5, theme: themes[pick(themes.length)], organisation: `Organisation ${pick(Math.floor(proposals * 0.7))}`,
    attributes: { regional_group: region, stakeholder_group: sectors[pick(sectors.length)], developing: region !== 'weog' && random() < 0.8, first_time: random() < 0.3 },
  });
}
const share = (f) => Math.floor(slots * f);
for (const r of regions) instance.constraints.push({ attribute: 'regional_group', value: r, min: share(0.12) });
for (const s of sectors) instance.constraints.push({ attribute: 'stakeholder_group', value: s, min: share(0.08) });
for (const t of themes) instance.constraints.push({ theme: t, max: share(0.16) });
for (const t of themes) instance.constraints.push({ theme: t, min: share(0.06) });
instance.constraints.push({ attribute: 'developing', value: true, min: share(0.55) });
instance.constraints.push({ attribute: 'first_time', value: true, min: share(0.25) });
for (const r of regions) instance.constraints.push({ attribute: 'regional_group', value: r, max: share(0.35) });
instance.constraints.push({ attribute: 'stakeholder_group', value: 'youth', max: share(0.15) });
instance.constraints.push({ attribute: 'first_time', value: true, max: share(0.6) });
for (let i = 0; i < 3; i++) instance.constraints.push({ attribute: 'stakeholder_group', value: sectors[i], max: share(0.3) });
for (let i = 0; i < 10; i++) instance.merged.push([2 * i + 1, 2 * i + 2]);
instance.forced_in.push(proposals - 1, proposals - 3);
instance.forced_out.push(proposals - 2);
process.stdout.write(JSON.stringify(instance));
