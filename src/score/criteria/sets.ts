import type { Csr, Postings, TagDict } from '../encode.js';
import { postings } from '../encode.js';
import type { Criterion, Evidence, ScoringContext } from './types.js';
import { who } from './types.js';

/**
 * Set overlap of two tag lists (goals, interests): Jaccard |A∩B| / |A∪B| or the overlap
 * coefficient |A∩B| / min(|A|, |B|). Not applicable when either list is empty.
 * Symmetric. A row costs O(cols + matches) through an inverted index.
 */
export class SetOverlap implements Criterion {
  readonly symmetric = true;
  private readonly post: Postings;
  private readonly count: Float64Array;

  constructor(
    readonly name: 'goals' | 'interests',
    private readonly ctx: ScoringContext,
    private readonly measure: 'jaccard' | 'overlap',
  ) {
    const dict = ctx.dict[name];
    this.post = postings(ctx.cols[name], ctx.cols.n, dict.size);
    this.count = new Float64Array(ctx.cols.n);
  }

  scoreRow(i: number, out: Float64Array, _reverse = false, _skip?: Uint8Array, from = 0): void {
    const a: Csr = this.ctx.rows[this.name];
    const b: Csr = this.ctx.cols[this.name];
    intersectionCounts(a, i, this.post, this.count);
    const na = a.off[i + 1] - a.off[i];
    const count = this.count;
    const jaccard = this.measure === 'jaccard';
    for (let j = from; j < out.length; j++) {
      const nb = b.off[j + 1] - b.off[j];
      if (na === 0 || nb === 0) {
        out[j] = NaN;
        continue;
      }
      const c = count[j];
      out[j] = jaccard ? c / (na + nb - c) : c / (na < nb ? na : nb);
    }
  }

  explain(a: number, b: number): Evidence {
    const A = this.ctx.rows[this.name];
    const B = this.ctx.cols[this.name];
    const shared = sharedTags(A, a, B, b, this.ctx.dict[this.name]);
    const na = A.off[a + 1] - A.off[a];
    const nb = B.off[b + 1] - B.off[b];
    if (na === 0 || nb === 0) return { score: NaN, evidence: [] };
    const c = shared.length;
    const score = this.measure === 'jaccard' ? c / (na + nb - c) : c / Math.min(na, nb);
    return { score, evidence: c ? [`shared ${this.name}: ${shared.join(', ')}`] : [] };
  }
}

/** count[j] = |row i's tags ∩ column j's tags|, through the column side's postings. */
export function intersectionCounts(a: Csr, i: number, post: Postings, count: Float64Array): void {
  count.fill(0);
  for (let k = a.off[i]; k < a.off[i + 1]; k++) {
    const t = a.val[k];
    if (t + 1 >= post.off.length) continue;
    for (let q = post.off[t]; q < post.off[t + 1]; q++) count[post.who[q]]++;
  }
}

/** Tag names in both rows (sorted by id, i.e. first-seen order). */
export function sharedTags(A: Csr, a: number, B: Csr, b: number, dict: TagDict): string[] {
  const out: string[] = [];
  let p = A.off[a];
  let q = B.off[b];
  while (p < A.off[a + 1] && q < B.off[b + 1]) {
    if (A.val[p] === B.val[q]) {
      out.push(dict.names[A.val[p]]);
      p++;
      q++;
    } else if (A.val[p] < B.val[q]) p++;
    else q++;
  }
  return out;
}

/**
 * Languages: 1 when the two share at least one language, else 0; not applicable when
 * either lists none. Symmetric.
 */
export class SharedLanguage implements Criterion {
  readonly name = 'languages';
  readonly symmetric = true;
  private readonly shared: SharedTagTest;

  constructor(private readonly ctx: ScoringContext) {
    this.shared = new SharedTagTest(ctx, 'languages');
  }

  scoreRow(i: number, out: Float64Array, _reverse = false, _skip?: Uint8Array, from = 0): void {
    const a = this.ctx.rows.languages;
    if (a.off[i + 1] === a.off[i]) {
      out.fill(NaN);
      return;
    }
    const bo = this.ctx.cols.languages.off;
    const any = this.shared.row(i);
    for (let j = from; j < out.length; j++) out[j] = bo[j + 1] === bo[j] ? NaN : any[j];
  }

  explain(a: number, b: number): Evidence {
    const A = this.ctx.rows.languages;
    const B = this.ctx.cols.languages;
    if (A.off[a + 1] === A.off[a] || B.off[b + 1] === B.off[b]) return { score: NaN, evidence: [] };
    const shared = sharedTags(A, a, B, b, this.ctx.dict.languages);
    if (shared.length) return { score: 1, evidence: [`both speak ${shared.join(', ')}`] };
    const list = (c: Csr, p: number): string => Array.from(c.val.subarray(c.off[p], c.off[p + 1]), (t) => this.ctx.dict.languages.names[t]).join(', ');
    return { score: 0, evidence: [`no shared language: ${who(this.ctx.rows, a)} speaks ${list(A, a)}; ${who(this.ctx.cols, b)} speaks ${list(B, b)}`] };
  }
}

/**
 * "Do row i and column j share a tag?" for a whole row: with at most 32 distinct tags
 * (languages, usually) one AND of two bit masks a pair, else through the postings.
 */
export class SharedTagTest {
  private readonly rowMask: Uint32Array | null;
  private readonly colMask: Uint32Array | null;
  private readonly post: Postings | null;
  private readonly count: Float64Array;
  private readonly hit: Uint8Array;

  constructor(
    private readonly ctx: ScoringContext,
    private readonly field: 'languages',
  ) {
    const small = ctx.dict[field].size <= 32;
    this.rowMask = small ? masks(ctx.rows[field], ctx.rows.n) : null;
    this.colMask = small ? (ctx.cols === ctx.rows ? this.rowMask : masks(ctx.cols[field], ctx.cols.n)) : null;
    this.post = small ? null : postings(ctx.cols[field], ctx.cols.n, ctx.dict[field].size);
    this.count = new Float64Array(small ? 0 : ctx.cols.n);
    this.hit = new Uint8Array(ctx.cols.n);
  }

  /** hit[j] = 1 when row i and column j share a tag (valid until the next call). */
  row(i: number): Uint8Array {
    const hit = this.hit;
    if (this.rowMask && this.colMask) {
      const a = this.rowMask[i];
      const B = this.colMask;
      for (let j = 0; j < hit.length; j++) hit[j] = (a & B[j]) !== 0 ? 1 : 0;
    } else {
      intersectionCounts(this.ctx.rows[this.field], i, this.post!, this.count);
      for (let j = 0; j < hit.length; j++) hit[j] = this.count[j] > 0 ? 1 : 0;
    }
    return hit;
  }
}

function masks(c: Csr, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let p = 0; p < n; p++) for (let k = c.off[p]; k < c.off[p + 1]; k++) out[p] |= 1 << c.val[k];
  return out;
}
