/**
 * One-to-one mentoring on the sample cohort: every mentor takes exactly one mentee.
 *
 * Reads examples/data/cohort.csv (210 people; see examples/data/README.md) with
 * `parseCohortCsv`, then `match` pairs mentees and mentors to maximise the total score.
 * Two hard rules: mentor and mentee must share a language (`sharedLanguage`), and nobody
 * is paired with someone in their reporting line (`notOwnManager`, on by default). With
 * 60 mentors and 154 people who want one, most mentees wait for the next round: the
 * output says why each person is left out.
 *
 * Run: npx tsx examples/one-to-one.ts
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../src/csv.js';
import { match, type MatchedPair } from '../src/index.js';

const { participants, issues } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'));
if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('\n'));
const name = new Map(participants.map((p) => [p.id, p.name ?? p.id]));
const count = (role: 'mentor' | 'mentee') => participants.filter((p) => p.roles.includes(role)).length;
console.log(`Cohort: ${participants.length} people, ${count('mentor')} mentors, ${count('mentee')} mentees`);

const result = match(participants, { mode: 'one-to-one', rules: { sharedLanguage: true } });
const { pairs, meanScore, lowestScore: minScore } = result.stats;
console.log(`One-to-one: ${pairs} pairs, mean score ${meanScore.toFixed(1)}, lowest ${minScore.toFixed(1)}`);

/** The two criteria that added most to a pair, in words. */
const why = (pair: MatchedPair): string =>
  [...pair.breakdown]
    .filter((c) => c.evidence.length > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 2)
    .map((c) => c.evidence[0])
    .join('; ');

console.log('Best five pairs (mentee ← mentor, score, top reasons):');
for (const p of [...result.pairs].sort((a, b) => b.score - a.score).slice(0, 5)) {
  console.log(`  ${name.get(p.menteeId)} ← ${name.get(p.mentorId)}  ${p.score.toFixed(0)}  ${why(p)}`);
}

const byCode = new Map<string, number>();
for (const u of result.unmatched) byCode.set(`${u.role} ${u.reason.code}`, (byCode.get(`${u.role} ${u.reason.code}`) ?? 0) + 1);
console.log(`Unmatched: ${[...byCode].map(([k, n]) => `${n} ${k}`).join(', ')}`);
for (const u of result.unmatched.filter((u) => u.reason.code !== 'no-capacity')) {
  console.log(`  ${name.get(u.id)} (${u.role}): ${u.reason.message}`);
}

/*
Output (npx tsx examples/one-to-one.ts):

Cohort: 210 people, 60 mentors, 154 mentees
One-to-one: 60 pairs, mean score 51.8, lowest 28.4
Best five pairs (mentee ← mentor, score, top reasons):
  Siobhan Evans ← Arjun Taylor  75  teaches people management at level 4 (wanted level 2); 90 min a week in common
  Leonie Neumann ← Lena Weber  71  120 min a week in common; teaches public speaking at level 4 (wanted level 3)
  Divya Krishnan ← Ananya Patel  69  teaches product discovery at level 4 (wanted level 4); 90 min a week in common
  Thiago Costa ← Andrew Davis  69  teaches excel at level 5 (wanted level 4); shared goals: confidence
  Stefan Yılmaz ← Jana Weber  68  teaches negotiation at level 3 (wanted level 3); shared goals: cross team influence
Unmatched: 93 mentee no-capacity, 1 mentee all-forbidden
  Haruto Satō (mentee): every mentor is excluded: 60 by sharedLanguage
*/
