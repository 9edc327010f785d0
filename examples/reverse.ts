/**
 * Reverse mentoring on the sample cohort: junior people teach executives generative AI
 * and social media, while the rest of the programme runs the usual way round.
 *
 * Reads examples/data/cohort.csv with `parseCohortCsv` and runs a programme for the
 * executives among the mentees (seniority 5–6), with every mentor. `mode: 'reverse'` is capacity
 * mode with the seniority rule switched on: a mentor must be more senior than the mentee,
 * except for the skills in `rules.reverseSkills`, where the mentor must be *more junior*
 * (a pair where the mentee wants and the mentor offers such a skill). So the executives
 * who want generative AI are matched with the junior experts, and a VP whom nobody in the
 * cohort outranks can only be matched the reverse way.
 *
 * Run: npx tsx examples/reverse.ts
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../src/csv.js';
import { match } from '../src/index.js';

const { participants } = parseCohortCsv(readFileSync(new URL('data/cohort.csv', import.meta.url), 'utf8'), { strict: true });
const byId = new Map(participants.map((p) => [p.id, p]));
const who = (id: string): string => `${byId.get(id)!.name} (${byId.get(id)!.seniority})`;

const executives = participants.filter((p) => p.roles.includes('mentee') && (p.seniority ?? 0) >= 5);
const mentors = participants.filter((p) => p.roles.includes('mentor') && !p.roles.includes('mentee'));
console.log(`${executives.length} executives, ${mentors.length} mentors`);
const reverseSkills = ['generative ai', 'social media'];
const result = match([...executives, ...mentors], { mode: 'reverse', rules: { reverseSkills, sharedLanguage: true } });

console.log(`Reverse skills: ${reverseSkills.join(', ')}. Each executive, mentee ← mentor (seniority), score, skills taught:`);
let reversed = 0;
for (const e of executives) {
  const pair = result.pairs.find((x) => x.menteeId === e.id);
  if (pair === undefined) {
    console.log(`  ${who(e.id)} wants ${e.skillsWanted.map((s) => s.name).join(', ')}: unmatched, ${result.unmatched.find((u) => u.id === e.id)?.reason.message}`);
    continue;
  }
  const reverse = byId.get(pair.mentorId)!.seniority! < e.seniority!;
  if (reverse) reversed++;
  const taught = pair.breakdown.find((c) => c.name === 'skills')?.evidence.join('; ') || 'no wanted skill';
  console.log(`  ${who(e.id)} ← ${who(pair.mentorId)}${reverse ? ' [reverse]' : ''}  ${pair.score.toFixed(0)}  ${taught}`);
}
console.log(`${result.stats.pairs} pairs: ${reversed} junior → senior, ${result.stats.pairs - reversed} senior → junior`);

/*
Output (npx tsx examples/reverse.ts):

11 executives, 56 mentors
Reverse skills: generative ai, social media. Each executive, mentee ← mentor (seniority), score, skills taught:
  Annika Fischer (6) ← Annika Öztürk (4) [reverse]  49  teaches social media at level 3 (wanted level 3)
  Keisha García (5) ← Annika Öztürk (4) [reverse]  35  teaches social media at level 3 (wanted level 3)
  Marie Yılmaz (5) ← Elif Fischer (6)  37  no wanted skill
  Luíza Silva (5) ← Ewa Nowak (1) [reverse]  56  teaches generative ai at level 5 (wanted level 3); teaches social media at level 4 (wanted level 3)
  Emily Washington (5) ← Wei Jie Lim (6)  31  teaches salesforce at level 5 (wanted level 3)
  Harry Smith (5) ← Anna Schmidt (2) [reverse]  40  teaches generative ai at level 5 (wanted level 2)
  Tyrone Rodríguez (5) ← Elif Fischer (6)  31  no wanted skill
  Callum Brown (5) ← Pooja Das (6)  56  teaches python at level 5 (wanted level 3)
  Charlotte Evans (5) ← Daniel O'Brien (6)  41  no wanted skill
  Adaeze Okonkwo-Hartmann (6) wants board governance, stakeholder management: unmatched, every mentor is excluded: 56 by seniorityDirection
  Sophie Schäfer (5) ← Annika Öztürk (4) [reverse]  72  teaches social media at level 3 (wanted level 3)
10 pairs: 5 junior → senior, 5 senior → junior
*/
