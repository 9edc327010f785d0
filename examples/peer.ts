/**
 * Peer mentoring with maxWeightMatching: pair up 7 colleagues from one pool.
 *
 * Peers are vertices of a general (not bipartite) graph; an edge [u, v, score] is a pair
 * that is allowed, with its compatibility score. Pairs that break a rule (same team,
 * paired last round, …) are simply left out of the list. The pool is odd, so at least one
 * person sits out.
 *
 * - maxCardinality off (default): the pairs with the largest total score, even if that
 *   leaves more people unpaired.
 * - maxCardinality on: as many pairs as possible first, then the best total among those.
 *
 * Run: npx tsx examples/peer.ts
 */
import { maxWeightMatching } from '../src/index.js';

const peers = ['Ana', 'Ben', 'Chloé', 'Dev', 'Elif', 'Femi', 'Gus'];
const [ANA, BEN, CHLOE, DEV, ELIF, FEMI, GUS] = [0, 1, 2, 3, 4, 5, 6]; // indices into peers

const allowed: [number, number, number][] = [
  [ANA, BEN, 40],
  [BEN, CHLOE, 95],
  [CHLOE, DEV, 40],
  [DEV, FEMI, 45],
  [ELIF, FEMI, 90],
  [ELIF, GUS, 35],
  [FEMI, GUS, 30],
];

for (const maxCardinality of [false, true]) {
  const { mate, total } = maxWeightMatching(allowed, { maxCardinality, vertexCount: peers.length });
  const pairs: string[] = [];
  const alone: string[] = [];
  mate.forEach((m, v) => {
    if (m === -1) alone.push(peers[v]);
    else if (v < m) pairs.push(`${peers[v]} & ${peers[m]}`);
  });
  console.log(`maxCardinality: ${maxCardinality}`);
  console.log(`  ${pairs.length} pairs: ${pairs.join(', ')}`);
  console.log(`  total score ${total}; unpaired: ${alone.join(', ')}`);
}

/*
Output (npx tsx examples/peer.ts):

maxCardinality: false
  2 pairs: Ben & Chloé, Elif & Femi
  total score 185; unpaired: Ana, Dev, Gus
maxCardinality: true
  3 pairs: Ben & Chloé, Dev & Femi, Elif & Gus
  total score 175; unpaired: Ana
*/
