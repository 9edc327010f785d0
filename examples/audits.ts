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
  138 pair scores: min 43.5, p10 53.5, median 60.3, p90 70.0, max 82.5
  most points from: languages 14.0, skills 8.7, timeZone 6.2, seniority 6.1
  mentor load Gini 0.23; cross-department pairs 82%
  skills short: generative ai (19 want, 3 places), people management (17 want, 8 places), go (8 want, 5 places)
stabilityAudit: 53 blocking pairs (34 mentees, 34 mentors); the strongest:
  Thiago Costa + Andrew Davis: 84.2 together vs 67.7 and 69.2 now (gain 15.0)
  Aarav Patel + Fatima Qureshi: 66.7 together vs 0.0 and 54.1 now (gain 12.6)
  Stefan Yılmaz + Jana Weber: 77.3 together vs 67.0 and 61.5 now (gain 10.3)
fairnessAudit by site (mentees):
  hq 35/35 (mean 62.7), hub 96/106 (mean 61.1), remote 7/13 (mean 53.6)
  gaps: match rate 46% (hq vs remote), mean score 9.1 (hq vs remote)
fairnessAudit by gender (mentees):
  female 70/79 (mean 60.4), male 60/67 (mean 61.8), non-binary 3/3 (mean 63.7), (missing) 5/5 (mean 60.7)
  gaps: match rate 11% (non-binary vs female), mean score 3.3 (non-binary vs female)
compareResults best-total → fairness: 92 pairs kept, 46 added, 46 removed; mean score -0.70, matched +0
  config differs in: objective; 89 people explained, e.g.:
  Aaliyah Kim now has Leonie Schäfer (had Felix Schneider): configuration differs in objective
  Xin Yi Tan now has Kwame Khan, Kavya Banerjee (had Katrin Neumann, Kavya Banerjee): configuration differs in objective
  Michael Jackson now has Lucas Gonçalves, Michael Davis, Jessica Johnson (had Lucas Gonçalves, Jessica Johnson, Hamish Smith): configuration differs in objective
*/
