/**
 * Auditing a result on the sample cohort: what it looks like, whether it is stable,
 * whether groups fare alike, and what changes with another objective.
 *
 * Reads examples/data/cohort.csv with `parseCohortCsv`, matches it in capacity mode
 * (best total score, one shared language required), and runs the four audits of
 * `evaluate/`:
 *
 * - `summarize`: match rate, score quantiles, what each criterion adds on average, how
 *   evenly mentors are loaded, why people were left out, which skills lack mentors;
 * - `stabilityAudit` (with `matchMatrix`, the matrix `match` solved on, and the
 *   participants for each mentor's places): blocking pairs, a mentee and a mentor who
 *   both score each other above what they got. The best total is not stable in general;
 *   the audit says how far from it the result is;
 * - `fairnessAudit` by the custom attributes `site` and `gender` (mentees only): match
 *   rate and mean score per group, and the largest gaps;
 * - `compareResults` between the best-total and the fairness objectives: pairs kept,
 *   added and removed, and why a person's mentor changed.
 *
 * Run: npx tsx examples/audits.ts
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../src/csv.js';
import { compareResults, fairnessAudit, match, matchMatrix, stabilityAudit, summarize, type MatchConfig } from '../src/index.js';

const { participants } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'), { strict: true });
const name = new Map(participants.map((p) => [p.id, p.name ?? p.id]));
const config: MatchConfig = { mode: 'capacity', objective: 'best-total', rules: { sharedLanguage: true } };
const result = match(participants, config);
const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;

const s = summarize(result, participants);
console.log('summarize');
console.log(`  ${s.matched} of ${s.participants} people matched (${pct(s.matchRate)}); unmatched: ${Object.entries(s.unmatchedByReason).map(([k, n]) => `${n} ${k}`).join(', ')}`);
const q = s.scores;
console.log(`  ${q.count} pair scores: min ${q.min.toFixed(1)}, p10 ${q.p10.toFixed(1)}, median ${q.median.toFixed(1)}, p90 ${q.p90.toFixed(1)}, max ${q.max.toFixed(1)}`);
const top = [...s.criteria].sort((a, b) => b.meanContribution - a.meanContribution).slice(0, 4);
console.log(`  most points from: ${top.map((c) => `${c.name} ${c.meanContribution.toFixed(1)}`).join(', ')}`);
console.log(`  mentor load Gini ${s.loadGini.toFixed(2)}; cross-department pairs ${pct(s.crossDepartmentShare ?? 0)}`);
console.log(`  skills short: ${s.shortfalls.slice(0, 3).map((f) => `${f.skill} (${f.demand} want, ${f.supply} places)`).join(', ')}`);

const st = stabilityAudit(result, matchMatrix(participants, config), { participants, limit: 3 });
console.log(`stabilityAudit: ${st.stable ? 'stable' : `${st.blockingPairs} blocking pairs`} (${st.menteesAffected} mentees, ${st.mentorsAffected} mentors); the strongest:`);
for (const b of st.worst) {
  console.log(`  ${name.get(b.menteeId)} + ${name.get(b.mentorId)}: ${b.score.toFixed(1)} together vs ${b.menteeCurrent.toFixed(1)} and ${b.mentorCurrent.toFixed(1)} now (gain ${b.gain.toFixed(1)})`);
}

for (const attribute of ['site', 'gender']) {
  const f = fairnessAudit(result, participants, attribute, { role: 'mentee' });
  console.log(`fairnessAudit by ${attribute} (mentees):`);
  console.log(`  ${f.groups.map((g) => `${g.value} ${g.matched}/${g.participants} (mean ${g.meanScore?.toFixed(1) ?? '–'})`).join(', ')}`);
  console.log(`  gaps: match rate ${pct(f.matchRateGap.gap)} (${f.matchRateGap.highest} vs ${f.matchRateGap.lowest}), mean score ${f.meanScoreGap.gap.toFixed(1)} (${f.meanScoreGap.highest} vs ${f.meanScoreGap.lowest})`);
}

const fairConfig: MatchConfig = { ...config, objective: 'fairness' };
const fair = match(participants, fairConfig);
const c = compareResults(result, fair, { configA: config, configB: fairConfig });
console.log(`compareResults best-total → fairness: ${c.kept} pairs kept, ${c.added.length} added, ${c.removed.length} removed; mean score ${c.meanScoreDelta.toFixed(2)}, matched ${c.matchedDelta >= 0 ? '+' : ''}${c.matchedDelta}`);
console.log(`  config differs in: ${c.configDifferences.join(', ')}; ${c.explanations.length} people explained, e.g.:`);
for (const e of c.explanations.slice(0, 3)) console.log(`  ${e.message.replace(/\bE\d{4}\b/g, (id) => name.get(id) ?? id)}`);

/*
Output (npx tsx examples/audits.ts):

summarize
  194 of 210 people matched (92%); unmatched: 1 all-forbidden, 15 no-capacity
  138 pair scores: min 25.9, p10 33.0, median 46.2, p90 60.1, max 73.2
  most points from: skills 12.0, timeZone 6.3, seniority 5.8, department 5.1
  mentor load Gini 0.23; cross-department pairs 64%
  skills short: generative ai (19 want, 3 places), people management (17 want, 8 places), go (8 want, 5 places)
stabilityAudit: 59 blocking pairs (38 mentees, 33 mentors); the strongest:
  Aarav Patel + Fatima Qureshi: 55.8 together vs 0.0 and 51.8 now (gain 104.0)
  Leonie Neumann + Lena Weber: 71.1 together vs 44.8 and 40.5 now (gain 26.3)
  Siobhan Evans + Arjun Taylor: 75.1 together vs 55.2 and 46.4 now (gain 19.9)
fairnessAudit by site (mentees):
  hq 35/35 (mean 49.3), hub 94/106 (mean 46.0), remote 9/13 (mean 41.6)
  gaps: match rate 31% (hq vs remote), mean score 7.7 (hq vs remote)
fairnessAudit by gender (mentees):
  female 70/79 (mean 44.6), male 60/67 (mean 48.3), non-binary 3/3 (mean 43.6), (missing) 5/5 (mean 54.4)
  gaps: match rate 11% (non-binary vs female), mean score 10.8 ((missing) vs non-binary)
compareResults best-total → fairness: 128 pairs kept, 10 added, 10 removed; mean score -0.00, matched +0
  config differs in: objective; 21 people explained, e.g.:
  Juliana Rodrigues now has mentor Rafael Almeida (had Jörg Fischer): configuration differs in objective
  Daniel Brown now mentors Keisha García, Caio Souza, Ananya Das, Arjun Evans (mentored Keisha García, Łukasz Wójcik, Ananya Das, Arjun Evans): Caio Souza was unmatched in the first run; configuration differs in objective
  Łukasz Wójcik now has mentor Kelvin Goh (had Daniel Brown): configuration differs in objective
*/
