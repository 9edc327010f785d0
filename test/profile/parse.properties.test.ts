/**
 * parseParticipants / safeParseParticipants: properties over generated cohorts.
 *
 * - valid generated participants always parse, in order, with their ids round-tripped and
 *   every output invariant of the Participant type holding;
 * - random junk (any value, and participant-shaped objects with junk in every known
 *   field) never makes parseParticipants throw anything but a ProfileError, and never
 *   makes safeParseParticipants throw;
 * - k errors injected into a valid cohort give at least k issues, each one found;
 * - tags in the output are fixed points of normalizeTag.
 *
 * A fast-check failure prints its seed and path: pin it by adding the counterexample
 * to parse.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ProfileError } from '../../src/errors.js';
import { normalizeTag } from '../../src/profile/normalize.js';
import { parseParticipants, safeParseParticipants } from '../../src/profile/parse.js';
import type { Participant } from '../../src/profile/types.js';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'monday', 'FRIDAY'];
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

/** A string that is a valid tag: not empty after normalisation, no ';' (list separator) and no ':' (level separator). */
const tagArb = fc
  .string({ unit: fc.constantFrom('a', 'B', 'é', 'ß', 'ﬁ', '日', '🎸', ' ', '-', '_', '+', '#', 'Ｘ', '1'), minLength: 1, maxLength: 8 })
  .filter((s) => normalizeTag(s) !== '');

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const slotArb = fc
  .record({ day: fc.constantFrom(...DAYS), start: fc.integer({ min: 0, max: 1439 }), length: fc.integer({ min: 1, max: 600 }) })
  .map(({ day, start, length }) => `${day} ${hhmm(start)}-${hhmm(Math.min(1440, start + length))}`);

const skillArb = fc.oneof(
  tagArb,
  fc.tuple(tagArb, fc.integer({ min: 1, max: 5 })).map(([n, l]) => `${n}:${l}`),
  fc.record({ name: tagArb, level: fc.integer({ min: 1, max: 5 }) }),
);

/** A list field in any accepted shape: an array, or a ';'-joined string. */
const listOf = <T>(item: fc.Arbitrary<T>) =>
  fc.oneof(
    fc.array(item, { maxLength: 5 }),
    fc.array(item, { minLength: 1, maxLength: 5 }).filter((xs) => xs.every((x) => typeof x === 'string')).map((xs) => xs.join(';')),
  );

/** A valid participant without its id. */
const bodyArb = fc.record(
  {
    name: fc.string({ unit: 'grapheme', maxLength: 12 }),
    role: fc.constantFrom('mentor', 'Mentee', 'both', 'PEER', 'mentor;mentee'),
    skillsOffered: listOf(skillArb),
    skillsWanted: listOf(skillArb),
    goals: listOf(tagArb),
    interests: listOf(tagArb),
    languages: listOf(tagArb),
    department: tagArb,
    location: tagArb,
    managerId: fc.constantFrom('boss-1', 'boss-2', 99),
    seniority: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
    tz: fc.constantFrom(...ZONES),
    availability: listOf(slotArb),
    personality: fc.dictionary(fc.constantFrom(...TRAITS), fc.double({ min: 0, max: 100, noNaN: true }), { maxKeys: 5 }),
    capacity: fc.oneof(fc.nat(10), fc.nat(5).chain((min) => fc.integer({ min, max: 10 }).map((max) => ({ max, min })))),
    maxMentors: fc.integer({ min: 1, max: 4 }),
    attributes: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => normalizeTag(k) !== ''), fc.oneof(fc.string(), fc.integer(), fc.boolean()), {
      maxKeys: 4,
    }).filter((o) => new Set(Object.keys(o).map(normalizeTag)).size === Object.keys(o).length),
  },
  { requiredKeys: ['role'] },
);

/** Unique ids (as the parser compares them: string form, trimmed), strings or safe integers. */
const idsArb = fc.uniqueArray(
  fc.oneof(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ''), fc.integer({ min: -1e6, max: 1e6 })),
  { maxLength: 12, selector: (id) => String(id).trim() },
);

const cohortArb = idsArb.chain((ids) =>
  fc.tuple(...ids.map(() => bodyArb)).map((bodies) =>
    bodies.map((b, k) => {
      const p: Record<string, unknown> = { id: ids[k], ...b };
      if (p.managerId !== undefined && String(p.managerId) === String(ids[k]).trim()) delete p.managerId;
      if (p.availability !== undefined && p.tz === undefined) p.tz = 'UTC'; // a time zone is required with availability
      return p;
    }),
  ),
);

/** The invariants every parsed participant satisfies. */
function expectWellFormed(p: Participant): void {
  expect(p.id.length).toBeGreaterThan(0);
  expect(p.roles.length).toBeGreaterThan(0);
  for (const list of [p.goals, p.interests, p.languages]) {
    expect(new Set(list).size).toBe(list.length);
    for (const t of list) expect(normalizeTag(t)).toBe(t);
  }
  for (const skills of [p.skillsOffered, p.skillsWanted]) {
    expect(new Set(skills.map((s) => s.name)).size).toBe(skills.length);
    for (const s of skills) {
      expect(normalizeTag(s.name)).toBe(s.name);
      if (s.level !== undefined) expect([1, 2, 3, 4, 5]).toContain(s.level);
    }
  }
  for (let k = 0; k < p.availability.length; k++) {
    const s = p.availability[k];
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.start).toBeLessThan(s.end);
    expect(s.end).toBeLessThanOrEqual(1440);
    const next = p.availability[k + 1];
    if (next !== undefined) expect(next.day > s.day || (next.day === s.day && next.start > s.end)).toBe(true);
  }
  if (p.availability.length > 0) expect(p.timeZone).toBeDefined();
  for (const v of Object.values(p.personality)) expect(v >= 0 && v <= 100).toBe(true);
  expect(Number.isInteger(p.capacity.max) && p.capacity.min >= 0 && p.capacity.min <= p.capacity.max).toBe(true);
  expect(Number.isInteger(p.maxMentors) && p.maxMentors >= 1).toBe(true);
  expect(p.managerId).not.toBe(p.id);
  expect(Object.isFrozen(p)).toBe(true);
}

describe('parseParticipants: properties', () => {
  it('valid generated participants always parse, in input order, with their ids round-tripped', () => {
    fc.assert(
      fc.property(cohortArb, (cohort) => {
        const r = safeParseParticipants(cohort);
        if (!r.success) throw new Error(r.issues.map((i) => i.message).join('\n'));
        expect(r.data.map((p) => p.id)).toEqual(cohort.map((p) => String(p.id).trim()));
        r.data.forEach(expectWellFormed);
        // Parsing is deterministic, and the thrown form agrees with the safe form.
        expect(parseParticipants(cohort)).toEqual(r.data);
      }),
      { numRuns: 300 },
    );
  });

  it('random junk never makes parseParticipants throw anything but a ProfileError, nor safeParseParticipants throw', () => {
    const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, stringUnit: 'binary' });
    const knownKeys = ['id', 'name', 'role', 'roles', 'skillsOffered', 'skillsWanted', 'goals', 'interests', 'languages', 'department', 'location', 'managerId', 'email', 'seniority', 'timeZone', 'tz', 'availability', 'personality', 'capacity', 'maxMentees', 'maxMentors', 'attributes', 'custom', '__proto__', 'constructor'];
    const junkField = fc.oneof(anything, fc.array(fc.oneof(anything, fc.string(), slotArb, skillArb)), fc.dictionary(fc.oneof(fc.constantFrom(...TRAITS, '__proto__', 'constructor', 'max', 'min'), fc.string()), anything));
    const participantish = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string({ maxLength: 4 })), junkField, { maxKeys: 8 });
    const input = fc.oneof(anything, fc.array(fc.oneof(participantish, anything), { maxLength: 6 }));
    fc.assert(
      fc.property(input, fc.boolean(), fc.boolean(), (value, allowUnknownFields, allowUnknownTraits) => {
        const options = { allowUnknownFields, allowUnknownTraits };
        const r = safeParseParticipants(value, options);
        try {
          const data = parseParticipants(value, options);
          expect(r.success).toBe(true);
          if (r.success) expect(data).toEqual(r.data);
        } catch (e) {
          expect(e).toBeInstanceOf(ProfileError);
          expect(r.success).toBe(false);
          if (!r.success) expect((e as ProfileError).issues).toEqual(r.issues);
        }
        if (!r.success) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) {
            expect(typeof i.code).toBe('string');
            expect(typeof i.message).toBe('string');
            expect(typeof i.field).toBe('string');
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  /** An error injector: makes participant `p` (at `index`, id `id`) invalid in one known way. */
  type Injector = { code: string; field: string; apply: (p: Record<string, unknown>, id: string) => void };
  const INJECTORS: Injector[] = [
    { code: 'out_of_range', field: 'maxMentors', apply: (p) => void (p.maxMentors = 0) },
    { code: 'unknown_time_zone', field: 'tz', apply: (p) => void (p.tz = 'Mars/Olympus') },
    { code: 'unknown_field', field: 'zzz', apply: (p) => void (p.zzz = 1) },
    { code: 'self_manager', field: 'managerId', apply: (p, id) => void (p.managerId = id) },
    { code: 'no_role', field: 'role', apply: (p) => void (p.role = []) },
    { code: 'out_of_range', field: 'personality.openness', apply: (p) => void (p.personality = { openness: 101 }) },
    { code: 'unknown_seniority', field: 'seniority', apply: (p) => void (p.seniority = 'very') },
    { code: 'out_of_range', field: 'capacity', apply: (p) => void (p.capacity = -3) },
    { code: 'invalid_slot', field: 'availability[0]', apply: (p) => void (p.availability = ['Mon 25:00-26:00']) },
    { code: 'out_of_range', field: 'skillsWanted[0].level', apply: (p) => void (p.skillsWanted = ['x:9']) },
    { code: 'empty_value', field: 'goals[0]', apply: (p) => void (p.goals = ['  ']) },
  ];

  it('k injected errors give at least k issues, each of them reported at its participant and field', () => {
    const arb = cohortArb
      .filter((c) => c.length > 0)
      .chain((cohort) =>
        fc
          .uniqueArray(fc.tuple(fc.nat(cohort.length - 1), fc.nat(INJECTORS.length - 1)), { minLength: 1, maxLength: 10, selector: ([i, k]) => `${i}/${INJECTORS[k].field}` })
          .map((picks) => ({ cohort, picks })),
      );
    fc.assert(
      fc.property(arb, ({ cohort, picks }) => {
        const broken = cohort.map((p) => ({ ...p }));
        for (const [i, k] of picks) INJECTORS[k].apply(broken[i], String(broken[i].id).trim());
        const r = safeParseParticipants(broken);
        if (r.success) throw new Error('injected errors were not reported');
        expect(r.issues.length).toBeGreaterThanOrEqual(picks.length);
        for (const [i, k] of picks) {
          const { code, field } = INJECTORS[k];
          expect(r.issues.some((iss) => iss.index === i && iss.code === code && iss.field === field)).toBe(true);
        }
        // Every issue is on a participant that was broken.
        const brokenIndexes = new Set(picks.map(([i]) => i));
        for (const iss of r.issues) expect(brokenIndexes.has(iss.index)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('tags in the output are fixed points of normalizeTag (normalisation is idempotent)', () => {
    const rawTag = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }).filter((s) => normalizeTag(s) !== '' && !s.includes(';') && !s.includes(':'));
    fc.assert(
      fc.property(fc.array(rawTag, { maxLength: 6 }), (tags) => {
        const [p] = parseParticipants([{ id: 'x', role: 'mentor', goals: tags, skillsOffered: tags, department: tags[0] ?? null, attributes: Object.fromEntries(tags.slice(0, 1).map((t) => [t, 1])) }]);
        for (const t of [...p.goals, ...p.skillsOffered.map((s) => s.name), ...Object.keys(p.attributes), ...(p.department ? [p.department] : [])]) {
          expect(normalizeTag(t)).toBe(t);
        }
        expect(p.goals).toEqual([...new Set(tags.map(normalizeTag))]);
        // Re-parsing the output gives the same tags.
        const [q] = parseParticipants([{ id: 'x', role: 'mentor', goals: p.goals }]);
        expect(q.goals).toEqual(p.goals);
      }),
      { numRuns: 500 },
    );
  });
});
