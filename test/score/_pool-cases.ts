/** Random cohorts and the sample cohort, shared by the pool tests (in-thread and on workers). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';

import { parseCohortCsv } from '../../src/io/csv/parse-cohort.js';
import type { Participant } from '../../src/profile/types.js';
import type { CompatibilityMatrix } from '../../src/score/matrix.js';
import { ROOT } from '../_helpers/cli-sandbox.js';
import { person, slot } from './_people.js';

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
const tags = (pool: string[]) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 3 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

export const arbPerson = (id: string): fc.Arbitrary<Participant> =>
  fc
    .record({
      offers: fc.uniqueArray(fc.constantFrom('py:1', 'py:4', 'sql:3', 'go', 'ux:5'), { maxLength: 3, selector: (s) => s.split(':')[0] }),
      wants: fc.uniqueArray(fc.constantFrom('py:3', 'sql', 'go:2', 'ux:4'), { maxLength: 3, selector: (s) => s.split(':')[0] }),
      goals: tags(['lead', 'speak', 'code']),
      interests: tags(['chess', 'run', 'art']),
      languages: tags(['en', 'pt', 'de']),
      department: maybe(fc.constantFrom('a', 'b')),
      seniority: maybe(fc.integer({ min: 1, max: 7 })),
      timeZone: maybe(fc.constantFrom(...ZONES)),
      slots: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 })), { maxLength: 2 }),
      openness: maybe(fc.integer({ min: 0, max: 100 })),
      site: maybe(fc.constantFrom('n', 's')),
    })
    .map((r) =>
      person({
        id,
        offers: r.offers,
        wants: r.wants,
        goals: r.goals,
        interests: r.interests,
        languages: r.languages,
        department: r.department,
        seniority: r.seniority,
        timeZone: r.timeZone,
        availability: r.timeZone ? r.slots.map(([d, h, len]) => slot(d, hhmm(h * 30), hhmm(h * 30 + len * 30))) : [],
        personality: r.openness === undefined ? {} : { openness: r.openness },
        attributes: r.site ? { site: r.site } : {},
      }),
    );

function hhmm(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `min`..`max` people with ids `prefix0`, `prefix1`, …. */
export const arbSide = (prefix: string, min: number, max: number): fc.Arbitrary<Participant[]> =>
  fc.integer({ min, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => arbPerson(`${prefix}${k}`))));

/** The sample cohort (examples/data/cohort.csv), parsed. */
export function sampleCohort(): { people: Participant[]; mentees: Participant[]; mentors: Participant[] } {
  const { participants } = parseCohortCsv(readFileSync(join(ROOT, 'examples/data/cohort.csv'), 'utf8'));
  const people = [...participants];
  return { people, mentees: people.filter((p) => p.roles.includes('mentee')), mentors: people.filter((p) => p.roles.includes('mentor')) };
}

/** The three arrays of a matrix, as plain byte arrays (an exact comparison, NaN and −0 included). */
export function bytesOf(m: CompatibilityMatrix): { scores: Uint8Array; forbidden: Uint8Array; checks: Uint8Array } {
  return { scores: new Uint8Array(m.scores.buffer, m.scores.byteOffset, m.scores.byteLength).slice(), forbidden: m.forbidden.slice(), checks: m.checks.slice() };
}
