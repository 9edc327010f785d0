/**
 * Test helpers for the peer (general-graph matching) solvers: loading the external cases
 * in `test/fixtures/external/`, mapping vertex labels to 0-based ids, checking a matching,
 * and a brute-force oracle for small graphs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The external cases the repository carries (`test/fixtures/external`, see its README). */
import { EXTERNAL_DIR as EXTERNAL_CASES_DIR } from './external.js';

export { EXTERNAL_CASES_DIR };

export type Label = number | string;

/** One `kind: "peer"` case, as stored in the JSON files. */
export interface PeerCase {
  readonly name: string;
  readonly kind: 'peer';
  readonly objective: 'max' | 'min';
  readonly maxcardinality: boolean;
  readonly perfect_required?: boolean;
  readonly num_nodes?: number;
  readonly edges: ReadonlyArray<readonly [Label, Label, number]>;
  readonly expected_status: 'optimal' | 'infeasible';
  readonly expected_total: number | null;
  readonly expected_matching?: ReadonlyArray<readonly [Label, Label]>;
  readonly expected_matching_alternatives?: ReadonlyArray<ReadonlyArray<readonly [Label, Label]>>;
  readonly derived_unique?: boolean;
}

/** One invalid-input case (`expected_status: "error"`); specials like `"inf"` are strings. */
export interface InvalidPeerCase {
  readonly name: string;
  readonly edges?: ReadonlyArray<readonly [Label, Label, number]>;
  readonly edges_with_specials?: ReadonlyArray<readonly [Label, Label, number | string]>;
}

interface CaseFile {
  readonly cases: ReadonlyArray<{ readonly kind: string }>;
  readonly invalid_input_cases?: ReadonlyArray<InvalidPeerCase>;
}

/** Reads a JSON case file and returns its peer cases and invalid-input cases. */
export function loadPeerCases(file: string): { cases: PeerCase[]; invalid: InvalidPeerCase[] } {
  const data = JSON.parse(readFileSync(path.join(EXTERNAL_CASES_DIR, file), 'utf8')) as CaseFile;
  return {
    cases: data.cases.filter((c): c is PeerCase => c.kind === 'peer'),
    invalid: [...(data.invalid_input_cases ?? [])],
  };
}

/** Converts `"inf"`, `"-inf"`, `"nan"` to numbers (JSON cannot hold them). */
export function special(x: number | string): number {
  if (typeof x === 'number') return x;
  const s = x.toLowerCase();
  if (s === 'inf' || s === '+inf' || s === 'infinity') return Infinity;
  if (s === '-inf' || s === '-infinity') return -Infinity;
  if (s === 'nan') return NaN;
  throw new Error(`unknown special value ${x}`);
}

/** A case with its vertices renumbered 0..n-1. */
export interface IndexedGraph {
  readonly n: number;
  readonly edges: Array<[number, number, number]>;
  readonly id: (label: Label) => number;
}

/**
 * Non-negative integer labels are used as ids as they are (so `num_nodes` and isolated
 * vertices keep their meaning); any other label set is numbered by first appearance.
 */
export function indexGraph(edges: ReadonlyArray<readonly [Label, Label, number]>, numNodes?: number): IndexedGraph {
  const labels = edges.flatMap(([u, v]) => [u, v]);
  const numeric = labels.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0);
  const ids = new Map<Label, number>();
  const id = (x: Label): number => {
    if (numeric) return x as number;
    let k = ids.get(x);
    if (k === undefined) {
      k = ids.size;
      ids.set(x, k);
    }
    return k;
  };
  const out = edges.map(([u, v, w]) => [id(u), id(v), w] as [number, number, number]);
  let n = numNodes ?? 0;
  for (const [u, v] of out) n = Math.max(n, u + 1, v + 1);
  return { n, edges: out, id };
}

/** Unordered pairs as sorted "u-v" keys, sorted. */
export function pairKeys(pairs: Iterable<readonly [number, number]>): string[] {
  const keys: string[] = [];
  for (const [u, v] of pairs) keys.push(u < v ? `${u}-${v}` : `${v}-${u}`);
  return keys.sort();
}

/** The matched pairs of `mate` (u < v). */
export function matePairs(mate: Int32Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let v = 0; v < mate.length; v++) if (mate[v] > v) out.push([v, mate[v]]);
  return out;
}

/**
 * Checks that `mate` is a valid matching of the graph (symmetric, no self-pairs, only
 * existing edges) and returns its weight and cardinality; throws with a reason otherwise.
 */
export function checkMatching(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  mate: Int32Array,
): { total: number; cardinality: number } {
  if (mate.length !== n) throw new Error(`mate.length ${mate.length} !== n ${n}`);
  const weight = new Map<string, number>();
  for (const [u, v, w] of edges) weight.set(u < v ? `${u}-${v}` : `${v}-${u}`, w);
  let total = 0;
  let cardinality = 0;
  for (let v = 0; v < n; v++) {
    const m = mate[v];
    if (m === -1) continue;
    if (m < 0 || m >= n || m === v) throw new Error(`mate[${v}] = ${m} is not a vertex other than ${v}`);
    if (mate[m] !== v) throw new Error(`mate is not symmetric: mate[${v}] = ${m} but mate[${m}] = ${mate[m]}`);
    if (v < m) {
      const w = weight.get(`${v}-${m}`);
      if (w === undefined) throw new Error(`pair (${v}, ${m}) is not an edge`);
      total += w;
      cardinality++;
    }
  }
  return { total, cardinality };
}

/**
 * Brute force over all matchings (n ≤ ~10). Returns the best total, and the cardinality
 * of the best matching; with `maxCardinality`, the best total among maximum-cardinality
 * matchings.
 */
export function bruteForceMatching(
  n: number,
  edges: ReadonlyArray<readonly [number, number, number]>,
  maxCardinality: boolean,
): { total: number; cardinality: number } {
  const w: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  for (const [u, v, x] of edges) {
    w[u][v] = x;
    w[v][u] = x;
  }
  let bestTotal = 0;
  let bestCard = 0;
  const used = new Array<boolean>(n).fill(false);
  const rec = (i: number, card: number, total: number): void => {
    while (i < n && used[i]) i++;
    if (i >= n) {
      const better = maxCardinality
        ? card > bestCard || (card === bestCard && total > bestTotal)
        : total > bestTotal;
      if (better) {
        bestTotal = total;
        bestCard = card;
      }
      return;
    }
    used[i] = true;
    rec(i + 1, card, total);
    for (let j = i + 1; j < n; j++) {
      if (!used[j] && !Number.isNaN(w[i][j])) {
        used[j] = true;
        rec(i + 1, card + 1, total + w[i][j]);
        used[j] = false;
      }
    }
    used[i] = false;
  };
  rec(0, 0, 0);
  return { total: bestTotal, cardinality: bestCard };
}

/** Maximum cardinality of a matching, by brute force (n ≤ ~10). */
export function bruteForceCardinality(n: number, edges: ReadonlyArray<readonly [number, number, number]>): number {
  return bruteForceMatching(
    n,
    edges.map(([u, v]) => [u, v, 0] as const),
    true,
  ).cardinality;
}

/** The n×n matrix of a graph: `-Infinity` where there is no edge, 0 on the diagonal. */
export function toMatrix(n: number, edges: ReadonlyArray<readonly [number, number, number]>): number[][] {
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(-Infinity));
  for (let i = 0; i < n; i++) m[i][i] = 0;
  for (const [u, v, w] of edges) {
    m[u][v] = w;
    m[v][u] = w;
  }
  return m;
}

/** A jorisvr test graph: `.edge` (DIMACS-like, 1-based) and `.out` reference. */
export interface JorisvrGraph {
  readonly name: string;
  readonly n: number;
  readonly edges: Array<[number, number, number]>;
  readonly expectedTotal: number;
  readonly outTotal: number;
  readonly outMatching: Array<[number, number]>;
}

interface JorisvrIndex {
  readonly graphs: ReadonlyArray<{
    readonly name: string;
    readonly edge_file: string;
    readonly out_file: string;
    readonly n: number;
    readonly m: number;
    readonly expected_total: number;
  }>;
}

/** Names and sizes of the jorisvr graphs, from `index.json`. */
export function jorisvrIndex(): JorisvrIndex['graphs'] {
  const dir = path.join(EXTERNAL_CASES_DIR, 'jorisvr-graphs');
  return (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as JorisvrIndex).graphs;
}

/** Parses one jorisvr graph (vertices converted to 0-based). */
export function loadJorisvrGraph(name: string): JorisvrGraph {
  const dir = path.join(EXTERNAL_CASES_DIR, 'jorisvr-graphs');
  const meta = jorisvrIndex().find((g) => g.name === name);
  if (!meta) throw new Error(`no jorisvr graph ${name}`);
  let n = -1;
  const edges: Array<[number, number, number]> = [];
  for (const line of readFileSync(path.join(dir, meta.edge_file), 'utf8').split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t[0] === 'p') n = Number(t[2]);
    else if (t[0] === 'e') edges.push([Number(t[1]) - 1, Number(t[2]) - 1, Number(t[3])]);
  }
  let outTotal = NaN;
  const outMatching: Array<[number, number]> = [];
  for (const line of readFileSync(path.join(dir, meta.out_file), 'utf8').split('\n')) {
    const t = line.trim().split(/\s+/);
    if (t[0] === 's') outTotal = Number(t[1]);
    else if (t[0] === 'm') outMatching.push([Number(t[1]) - 1, Number(t[2]) - 1]);
  }
  if (n !== meta.n || edges.length !== meta.m) throw new Error(`${name}: header says n=${n}, m=${edges.length}; index says ${meta.n}, ${meta.m}`);
  return { name, n, edges, expectedTotal: meta.expected_total, outTotal, outMatching };
}

/**
 * Runs `f` and returns what it threw (undefined if nothing); tests then check the
 * stable `code` and `details`, never the message wording.
 */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
