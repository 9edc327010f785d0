/**
 * Peer mentoring on the sample cohort: early-career mentees pair up with each other.
 *
 * Reads examples/data/cohort.csv with `parseCohortCsv` and takes the pool of mentees at
 * seniority 1–2. In peer mode there is no mentor side: everyone in the pool can be paired
 * with anyone else, and a pair scores well when each can teach what the other wants (the
 * skills they listed as offered), they share goals and interests, and have time in
 * common. Peers meet live, so they must share a language and live at most 5 hours apart.
 * The pool is odd, so one trio is formed (`peer.odd: 'trio'`) rather than leaving someone
 * out. Then the same pool in circles of 4 (`peer.circleSize`).
 *
 * Run: npx tsx examples/peer-mentoring.ts
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../src/csv.js';
import { match, type MatchConfig, type PeerPair } from '../src/index.js';

const { participants } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'), { strict: true });
const pool = participants.filter((p) => p.roles.includes('mentee') && (p.seniority ?? 0) <= 2);
const name = new Map(pool.map((p) => [p.id, p.name ?? p.id]));
console.log(`Pool: ${pool.length} mentees at seniority 1–2`);

const rules: MatchConfig['rules'] = { sharedLanguage: true, maxTimeZoneGapHours: 5 };
const pairs = match(pool, { mode: 'peer', peer: { odd: 'trio' }, rules });
console.log(`Pairs: ${pairs.pairs.length} pairs and ${pairs.groups.length} trio, mean score ${pairs.stats.meanScore.toFixed(1)}, lowest ${pairs.stats.lowestScore.toFixed(1)}`);

/** The two criteria that added most to a pair, in words. */
const why = (pair: PeerPair): string =>
  [...pair.breakdown]
    .filter((c) => c.evidence.length > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 2)
    .map((c) => c.evidence[0])
    .join('; ');
for (const p of [...pairs.pairs].sort((a, b) => b.score - a.score).slice(0, 4)) {
  console.log(`  ${p.peerIds.map((id) => name.get(id)).join(' & ')}  ${p.score.toFixed(0)}  ${why(p)}`);
}
for (const g of pairs.groups) console.log(`  trio: ${g.memberIds.map((id) => name.get(id)).join(', ')} (mean ${g.score.toFixed(0)})`);
for (const u of pairs.unmatched) console.log(`  unmatched ${name.get(u.id)}: ${u.reason.message}`);

const circles = match(pool, { mode: 'peer', peer: { circleSize: 4 }, rules });
const sizes = new Map<number, number>();
for (const g of circles.groups) sizes.set(g.memberIds.length, (sizes.get(g.memberIds.length) ?? 0) + 1);
console.log(`Circles: ${[...sizes].sort().map(([k, n]) => `${n} of ${k}`).join(', ')}, mean score ${(circles.groups.reduce((s, g) => s + g.score, 0) / circles.groups.length).toFixed(1)}`);
const best = [...circles.groups].sort((a, b) => b.score - a.score)[0];
console.log(`  best circle (${best.score.toFixed(0)}): ${best.memberIds.map((id) => name.get(id)).join(', ')}`);
for (const u of circles.unmatched) console.log(`  unmatched ${name.get(u.id)}: ${u.reason.message}`);

/*
Output (npx tsx examples/peer-mentoring.ts):

Pool: 88 mentees at seniority 1–2
Pairs: 42 pairs and 1 trio, mean score 42.6, lowest 28.9
  Hannah Davis & Ethan García  66  shared goals: cross team influence, promotion, confidence; 150 min a week in common
  Jakub Kowalski & Paweł Lewandowski  58  shared goals: leadership, work life balance, technical depth; 60 min a week in common
  Hannah Krüger & Marie Koch  54  shared goals: leadership; E0142 → E0096: teaches public speaking at level 2 (wanted level 2)
  Stefan Öztürk & Jana Schneider  54  shared goals: first time manager; 60 min a week in common
  trio: Sienna Taylor, Chloe Brown, Matilda Thompson (mean 32)
  unmatched Haruto Satō: every peer is excluded: 63 by maxTimeZoneGap, 24 by sharedLanguage
Circles: 18 of 4, 3 of 5, mean score 37.4
  best circle (49): Hannah Krüger, Anna Yılmaz, Marie Koch, Jonas Schäfer
  unmatched Haruto Satō: every peer is excluded: 63 by maxTimeZoneGap, 24 by sharedLanguage
*/
