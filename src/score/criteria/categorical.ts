import type { Criterion, Evidence, ScoringContext } from './types.js';

type Field = 'dept' | 'loc';

/**
 * A categorical match: department, location, or a custom attribute. With
 * `prefer: 'same'` the score is 1 when both have the same value and 0 otherwise;
 * `'different'` the reverse (cross-department programmes). Not applicable when either
 * value is missing. Symmetric.
 */
export class CategoryCriterion implements Criterion {
  readonly symmetric = true;
  private readonly a: Int32Array;
  private readonly b: Int32Array;

  constructor(
    readonly name: string,
    private readonly ctx: ScoringContext,
    field: Field | number,
    private readonly prefer: 'same' | 'different',
    private readonly label: string,
  ) {
    this.a = typeof field === 'number' ? ctx.rows.custom[field] : ctx.rows[field];
    this.b = typeof field === 'number' ? ctx.cols.custom[field] : ctx.cols[field];
  }

  scoreRow(i: number, out: Float64Array, _reverse = false, _skip?: Uint8Array, from = 0): void {
    const x = this.a[i];
    const b = this.b;
    const same = this.prefer === 'same' ? 1 : 0;
    if (x < 0) {
      out.fill(NaN);
      return;
    }
    for (let j = from; j < out.length; j++) {
      const y = b[j];
      out[j] = y < 0 ? NaN : x === y ? same : 1 - same;
    }
  }

  explain(a: number, b: number): Evidence {
    const x = this.a[a];
    const y = this.b[b];
    if (x < 0 || y < 0) return { score: NaN, evidence: [] };
    const vx = this.value(x);
    const vy = this.value(y);
    const score = (x === y) === (this.prefer === 'same') ? 1 : 0;
    if (score === 0) return { score, evidence: [] };
    return { score, evidence: [x === y ? `same ${this.label}: ${vx}` : `different ${this.label}s: ${vx} / ${vy}`] };
  }

  private value(id: number): string {
    const name = this.name.startsWith('custom:') ? this.ctx.dict.custom.names[id] : this.ctx.dict.places.names[id];
    return name.slice(name.search(/[:=]/u) + 1).replace(/^(string|number|boolean):/u, '');
  }
}
