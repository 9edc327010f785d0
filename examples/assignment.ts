/**
 * One-to-one mentoring with linearSumAssignment: 5 mentees, 6 mentors.
 *
 * Each cell is a compatibility score from 0 to 100 (later releases compute it from
 * profiles; here it is typed in). We maximise the total score, so every mentee gets a
 * different mentor and one mentor is left free. Divya reports to Gabriel, so that pair is
 * forbidden: with `maximize: true` a forbidden pair is `-Infinity`.
 *
 * Run: npx tsx examples/assignment.ts
 */
import { linearSumAssignment } from '../src/index.js';

const mentees = ['Amara', 'Bruno', 'Chen', 'Divya', 'Erik'];
const mentors = ['Fatima', 'Gabriel', 'Hana', 'Ivan', 'Julia', 'Kofi'];

const FORBIDDEN = -Infinity; // the forbidden marker when maximising

//                Fatima Gabriel Hana  Ivan  Julia  Kofi
const score: number[][] = [
  /* Amara */ [92, 71, 64, 40, 58, 66],
  /* Bruno */ [55, 88, 73, 61, 47, 84],
  /* Chen  */ [78, 69, 90, 52, 81, 45],
  /* Divya */ [60, FORBIDDEN, 67, 74, 85, 59], // Gabriel is Divya's manager
  /* Erik  */ [49, 83, 57, 86, 62, 77],
];

const { rowIndices, colIndices, total } = linearSumAssignment(score, { maximize: true });

console.log(`One-to-one: ${mentees.length} mentees, ${mentors.length} mentors, maximising the total score`);
for (let k = 0; k < rowIndices.length; k++) {
  const i = rowIndices[k];
  const j = colIndices[k];
  console.log(`  ${mentees[i].padEnd(6)} → ${mentors[j].padEnd(8)} ${score[i][j]}`);
}
console.log(`Total score: ${total} (mean ${(total / rowIndices.length).toFixed(1)})`);
const free = mentors.filter((_, j) => !colIndices.includes(j));
console.log(`Mentor left free: ${free.join(', ')}`);

// What the rule costs: the same problem with Divya–Gabriel allowed (they would score 95).
const unrestricted = score.map((row) => row.slice());
unrestricted[3][1] = 95;
const best = linearSumAssignment(unrestricted, { maximize: true });
console.log(`Without the Divya–Gabriel rule the best total would be ${best.total}`);

/*
Output (npx tsx examples/assignment.ts):

One-to-one: 5 mentees, 6 mentors, maximising the total score
  Amara  → Fatima   92
  Bruno  → Gabriel  88
  Chen   → Hana     90
  Divya  → Julia    85
  Erik   → Ivan     86
Total score: 441 (mean 88.2)
Mentor left free: Kofi
Without the Divya–Gabriel rule the best total would be 447
*/
