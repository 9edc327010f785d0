/**
 * Capacity mentoring on the sample cohort: each mentor takes up to the number of mentees
 * in their `capacity` column, and a site quota keeps places for the regional offices.
 *
 * Reads examples/data/cohort.csv with `parseCohortCsv`. Mentors offer 1–4 places; a few
 * mentees asked for two mentors (`max_mentors`), and `match` gives them two different
 * mentors when that serves the total. Berlin is the headquarters (`attr:site` = `hq`):
 * without a cap HQ mentees take most of the places, so a quota (`quotas`) caps their
 * pairs and the places go to the hubs and to remote people instead. Both runs share a
 * language rule.
 *
 * Run: npx tsx examples/capacity.ts
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../src/csv.js';
import { match, type MatchConfig, type PairsResult } from '../src/index.js';

const { participants } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'), { strict: true });
const name = new Map(participants.map((p) => [p.id, p.name ?? p.id]));
const mentors = participants.filter((p) => p.roles.includes('mentor'));
const mentees = participants.filter((p) => p.roles.includes('mentee'));
const siteOf = new Map(participants.map((p) => [p.id, String(p.attributes.site ?? 'not given')]));
const places = mentors.reduce((sum, p) => sum + p.capacity.max, 0);
const wanted = mentees.reduce((sum, p) => sum + p.maxMentors, 0);
console.log(`${mentors.length} mentors offer ${places} places; ${mentees.length} mentees (${mentees.filter((p) => p.attributes.site === 'hq').length} at HQ) want ${wanted} mentors`);

/** Pairs per mentee site, e.g. "hq 37, hub 83, remote 10". */
const bySite = (r: PairsResult): string => {
  const n = new Map<string, number>();
  for (const p of r.pairs) n.set(siteOf.get(p.menteeId)!, (n.get(siteOf.get(p.menteeId)!) ?? 0) + 1);
  return [...n].sort().map(([site, k]) => `${site} ${k}`).join(', ');
};
const base = { mode: 'capacity', rules: { sharedLanguage: true } } satisfies MatchConfig; // its mode types the results: PairsResult
const withoutQuota = match(participants, base);
const result = match(participants, { ...base, quotas: [{ attribute: 'site', value: 'hq', max: 30 }] });
for (const [label, r] of [['no quota', withoutQuota], ['HQ at most 30', result]] as const) {
  console.log(`${label}: ${r.stats.pairs} pairs, mean ${r.stats.meanScore.toFixed(1)}; pairs by mentee site: ${bySite(r)}`);
}

const load = new Map<string, string[]>();
for (const p of result.pairs) load.set(p.mentorId, [...(load.get(p.mentorId) ?? []), name.get(p.menteeId)!]);
const full = mentors.filter((m) => (load.get(m.id)?.length ?? 0) === m.capacity.max).length;
console.log(`With the quota: ${full} of ${mentors.length} mentors full; the busiest:`);
for (const m of [...mentors].sort((a, b) => (load.get(b.id)?.length ?? 0) - (load.get(a.id)?.length ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, 3)) {
  console.log(`  ${name.get(m.id)} (${m.capacity.max} places): ${load.get(m.id)?.join(', ')}`);
}
const two = mentees.filter((p) => p.maxMentors > 1);
for (const p of two) {
  const got = result.pairs.filter((x) => x.menteeId === p.id).map((x) => name.get(x.mentorId));
  console.log(`  ${name.get(p.id)} asked for ${p.maxMentors} mentors, got ${got.length ? got.join(' and ') : 'none'}`);
}
const codes = new Map<string, number>();
for (const u of result.unmatched) codes.set(`${u.role} ${u.reason.code}`, (codes.get(`${u.role} ${u.reason.code}`) ?? 0) + 1);
console.log(`Unmatched: ${[...codes].map(([k, n]) => `${n} ${k}`).join(', ')}`);

/*
Output (npx tsx examples/capacity.ts):

60 mentors offer 138 places; 154 mentees (35 at HQ) want 159 mentors
no quota: 138 pairs, mean 46.5; pairs by mentee site: hq 35, hub 94, remote 9
HQ at most 30: 138 pairs, mean 46.2; pairs by mentee site: hq 30, hub 98, remote 10
With the quota: 60 of 60 mentors full; the busiest:
  Jonas Yılmaz (4 places): Jakub Kowalski, Agnieszka Kowalska, Isla Wright, Marie Koch
  Wei Jie Lim (4 places): Muhammad Koh, Jun Hao Wong, Rachel Wong, Arjun Krishnan
  Chloe Smith (4 places): Leonie Schmidt, Mei Smith, Ethan García, Aarav Iyer
  Niklas Wagner asked for 2 mentors, got Lena Schäfer
  Pedro Araújo asked for 2 mentors, got Emre Becker
  Aarav Patel asked for 2 mentors, got Lakshmi Nair
  Jonas Müller asked for 2 mentors, got none
  Miriam Becker asked for 2 mentors, got Malte Schäfer
Unmatched: 1 mentee all-forbidden, 10 mentee no-capacity, 5 mentee quota
*/
