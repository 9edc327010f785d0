import type { Csr, Postings, TagDict } from '../encode.js';
import { postings } from '../encode.js';
import type { Criterion, Evidence, ScoringContext } from './types.js';

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

  scoreRow(i: number, out: Float64Array): void {
    const a: Csr = this.ctx.rows[this.name];
    const b: Csr = this.ctx.cols[this.name];
    intersectionCounts(a, i, this.post, this.count);
    const na = a.off[i + 1] - a.off[i];
    const count = this.count;
    const jaccard = this.measure === 'jaccard';
    for (let j = 0; j < out.length; j++) {
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
  private readonly post: Postings;
  private readonly count: Float64Array;

  constructor(private readonly ctx: ScoringContext) {
    this.post = postings(ctx.cols.languages, ctx.cols.n, ctx.dict.languages.size);
    this.count = new Float64Array(ctx.cols.n);
  }

  scoreRow(i: number, out: Float64Array): void {
    const a = this.ctx.rows.languages;
    const b = this.ctx.cols.languages;
    intersectionCounts(a, i, this.post, this.count);
    const na = a.off[i + 1] - a.off[i];
    for (let j = 0; j < out.length; j++) {
      out[j] = na === 0 || b.off[j + 1] === b.off[j] ? NaN : this.count[j] > 0 ? 1 : 0;
    }
  }

  explain(a: number, b: number): Evidence {
    const A = this.ctx.rows.languages;
    const B = this.ctx.cols.languages;
    if (A.off[a + 1] === A.off[a] || B.off[b + 1] === B.off[b]) return { score: NaN, evidence: [] };
    const shared = sharedTags(A, a, B, b, this.ctx.dict.languages);
    return { score: shared.length ? 1 : 0, evidence: shared.length ? [`both speak ${shared.join(', ')}`] : [] };
  }
}
