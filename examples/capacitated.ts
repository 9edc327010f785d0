/**
 * Many-to-one mentoring with capacitatedAssignment: 3 mentors with 2, 1 and 3 seats,
 * 7 mentees.
 *
 * Each mentee gets at most one mentor and mentor j takes at most capacity[j] mentees.
 * The solver first places as many mentees as possible, then maximises the total score
 * among those placements. Malik and Hana work in the same department, so that pair is
 * forbidden (`-Infinity` when maximising).
 *
 * Variant 1: the first 6 mentees fill the 6 seats exactly.
 * Variant 2: all 7 mentees compete for 6 seats, so one is left unassigned (-1).
 *
 * Run: npx tsx examples/capacitated.ts
 */
import { capacitatedAssignment } from '../src/index.js';

const mentors = ['Fatima', 'Gabriel', 'Hana'];
const capacity = [2, 1, 3];
const mentees = ['Amara', 'Bruno', 'Chen', 'Divya', 'Erik', 'Lena', 'Malik'];

const FORBIDDEN = -Infinity; // the forbidden marker when maximising

//                 Fatima Gabriel Hana
const score: number[][] = [
  /* Amara */ [91, 62, 70],
  /* Bruno */ [58, 87, 66],
  /* Chen  */ [84, 71, 79],
  /* Divya */ [67, 90, 82],
  /* Erik  */ [73, 55, 88],
  /* Lena  */ [61, 64, 75],
  /* Malik */ [89, 80, FORBIDDEN], // same department as Hana
];

function solve(title: string, rows: number[][]): void {
  const { assignment, total, assignedCount } = capacitatedAssignment(rows, { capacity, maximize: true });
  console.log(`${title}: ${rows.length} mentees, ${capacity.reduce((a, b) => a + b)} seats`);
  mentors.forEach((mentor, j) => {
    const group = rows.flatMap((_, i) => (assignment[i] === j ? [`${mentees[i]} (${rows[i][j]})`] : []));
    console.log(`  ${mentor.padEnd(8)} ${group.length}/${capacity[j]}: ${group.join(', ') || '-'}`);
  });
  const unassigned = rows.flatMap((_, i) => (assignment[i] === -1 ? [mentees[i]] : []));
  console.log(`  assigned ${assignedCount}, unassigned: ${unassigned.join(', ') || 'none'}; total score ${total}`);
}

solve('Variant 1', score.slice(0, 6));
solve('Variant 2', score);

/*
Output (npx tsx examples/capacitated.ts):

Variant 1: 6 mentees, 6 seats
  Fatima   2/2: Amara (91), Chen (84)
  Gabriel  1/1: Bruno (87)
  Hana     3/3: Divya (82), Erik (88), Lena (75)
  assigned 6, unassigned: none; total score 507
Variant 2: 7 mentees, 6 seats
  Fatima   2/2: Amara (91), Malik (89)
  Gabriel  1/1: Bruno (87)
  Hana     3/3: Chen (79), Divya (82), Erik (88)
  assigned 6, unassigned: Lena; total score 516
*/
