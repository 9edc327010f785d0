/**
 * PROFILE_FIELDS: the one field table. The keys parseParticipants knows, the participant
 * it builds and ParticipantInput are all derived from it; the issue and warning codes
 * are unions of their tables (a typo is a compile error, checked by `npm run typecheck`).
 */
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';

import { FIELD_NAMES, KNOWN_KEYS, PROFILE_FIELDS, fieldKeys, type ParticipantInput } from '../../src/profile/fields.js';
import { PROFILE_ISSUE_CODES, PROFILE_WARNING_CODES, type ProfileIssueCode, type ProfileWarningCode } from '../../src/profile/issues.js';
import { safeParseParticipants } from '../../src/profile/parse.js';
import type { CapacityInput, RoleInput, SkillInput } from '../../src/profile/schema.js';
import type { Participant } from '../../src/profile/types.js';

/** The JSON keys of each field before the table existed (schema.ts FIELD_KEYS): they must not drift. */
const KEYS_BEFORE = {
  id: ['id'],
  name: ['name'],
  roles: ['roles', 'role'],
  skillsOffered: ['skillsOffered'],
  skillsWanted: ['skillsWanted'],
  goals: ['goals'],
  interests: ['interests'],
  languages: ['languages'],
  department: ['department'],
  location: ['location'],
  managerId: ['managerId'],
  email: ['email'],
  seniority: ['seniority'],
  timeZone: ['timeZone', 'timezone', 'tz'],
  availability: ['availability'],
  personality: ['personality'],
  capacity: ['capacity', 'maxMentees'],
  maxMentors: ['maxMentors'],
  attributes: ['attributes', 'custom'],
} as const;

function one(p: Record<string, unknown>): Participant {
  const r = safeParseParticipants([p]);
  if (!r.success) return expect.fail(r.issues.map((i) => i.message).join('\n'));
  return r.data[0]!;
}

describe('PROFILE_FIELDS: the one field table', () => {
  it('fieldKeys(name) is the field name, then its aliases, exactly as parseParticipants read them before', () => {
    expect(Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldKeys(f)]))).toEqual(KEYS_BEFORE);
    expect([...KNOWN_KEYS].sort()).toEqual(Object.values(KEYS_BEFORE).flat().sort());
  });

  it('parseParticipants builds every Participant property from the table, in table order', () => {
    const p = one({ id: 'a', role: 'mentor' });
    expect(Object.keys(p)).toEqual([...FIELD_NAMES]);
  });

  it('an absent field stores the table value: empty frozen lists, undefined, default capacity, maxMentors 1', () => {
    const p = one({ id: 'a', role: 'mentor' });
    for (const f of FIELD_NAMES) {
      if (f === 'id' || f === 'roles') continue;
      const spec = PROFILE_FIELDS[f] as { readonly absent?: unknown };
      expect(p[f], f).toEqual(spec.absent);
      if (Array.isArray(p[f])) expect(Object.isFrozen(p[f]), f).toBe(true);
    }
    expect(p.capacity).toEqual({ max: 1, min: 0 });
    expect(p.maxMentors).toBe(1);
  });

  it('a required field (id) that is absent is a missing_field issue with the table\'s expected text', () => {
    const r = safeParseParticipants([{ role: 'mentor' }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => [i.code, i.field, i.expected])).toEqual([['missing_field', 'id', PROFILE_FIELDS.id.required]]);
  });

  it.each([
    ['roles', 'role', 'mentee'],
    ['timeZone', 'timezone', 'europe/berlin'],
    ['timeZone', 'tz', 'Europe/Berlin'],
    ['capacity', 'maxMentees', { max: 3, min: 1 }],
    ['attributes', 'custom', { Site: 'hq' }],
  ] as const)('the alias of %s, %s, reads exactly like the field name', (field, alias, value) => {
    const base = { id: 'a', role: 'mentor' };
    const byName = one({ ...base, ...(field === 'roles' ? { role: undefined } : {}), [field]: value });
    const byAlias = one({ ...base, [alias]: value });
    expect(byAlias).toEqual(byName);
  });

  it('every list field warns on a comma-separated string (kind list), no other field does', () => {
    const lists = FIELD_NAMES.filter((f) => PROFILE_FIELDS[f].kind === 'list');
    expect(lists).toEqual(['roles', 'skillsOffered', 'skillsWanted', 'goals', 'interests', 'languages', 'availability']);
    const r = safeParseParticipants([{ id: 'a', role: 'mentor', goals: 'growth, focus', name: 'Ana, Bo', timeZone: 'UTC' }]);
    expect(r.warnings.map((w) => [w.code, w.field])).toEqual([['comma_separated_list', 'goals']]);
  });
});

describe('ParticipantInput: inferred from the fields\' zod schemas', () => {
  it('has each field and alias with the shapes the schemas accept (checked by the type checker)', () => {
    expectTypeOf<ParticipantInput['id']>().toEqualTypeOf<string | number>();
    expectTypeOf<ParticipantInput['name']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ParticipantInput['role']>().toEqualTypeOf<RoleInput | readonly RoleInput[] | null | undefined>();
    expectTypeOf<ParticipantInput['roles']>().toEqualTypeOf<RoleInput | readonly RoleInput[] | null | undefined>();
    expectTypeOf<ParticipantInput['skillsOffered']>().toEqualTypeOf<string | readonly (string | SkillInput)[] | null | undefined>();
    expectTypeOf<ParticipantInput['goals']>().toEqualTypeOf<string | readonly string[] | null | undefined>();
    expectTypeOf<ParticipantInput['department']>().toEqualTypeOf<string | number | null | undefined>();
    expectTypeOf<ParticipantInput['seniority']>().toEqualTypeOf<number | string | null | undefined>();
    expectTypeOf<ParticipantInput['tz']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ParticipantInput['availability']>().toEqualTypeOf<string | readonly string[] | null | undefined>();
    expectTypeOf<ParticipantInput['personality']>().toEqualTypeOf<Readonly<Record<string, number | string | null>> | null | undefined>();
    expectTypeOf<ParticipantInput['maxMentees']>().toEqualTypeOf<number | string | CapacityInput | null | undefined>();
    expectTypeOf<ParticipantInput['maxMentors']>().toEqualTypeOf<number | string | null | undefined>();
    expectTypeOf<ParticipantInput['custom']>().toEqualTypeOf<Readonly<Record<string, string | number | boolean | null>> | null | undefined>();
    type Keys = { [F in keyof typeof KEYS_BEFORE]: (typeof KEYS_BEFORE)[F][number] }[keyof typeof KEYS_BEFORE];
    expectTypeOf<keyof ParticipantInput>().toEqualTypeOf<Keys>();
  });

  it('the TSDoc example type-checks and parses; an unknown key or a missing id does not type-check', () => {
    const alice: ParticipantInput = {
      id: 17, name: 'Alice', role: 'mentor',
      skillsOffered: 'python:5; sql:3', languages: ['English', 'Deutsch'],
      tz: 'Europe/Berlin', availability: ['Mon 09:00-11:00'], capacity: { max: 3 },
    };
    expect(one(alice as Record<string, unknown>).capacity).toEqual({ max: 3, min: 0 });
    // @ts-expect-error a misspelt field is not a ParticipantInput key
    const misspelt: ParticipantInput = { id: 1, skills_offered: 'go' };
    // @ts-expect-error id is required
    const noId: ParticipantInput = { name: 'Bo' };
    expect([misspelt, noId]).toHaveLength(2);
  });
});

describe('PROFILE_ISSUE_CODES / PROFILE_WARNING_CODES: the code unions come from one table each', () => {
  it('a typo in a case label does not compile', () => {
    const hint = (code: ProfileIssueCode): string => {
      switch (code) {
        case 'unknown_time_zone':
          return 'use an IANA name';
        // @ts-expect-error 'unknown_timezone' is not a ProfileIssueCode
        case 'unknown_timezone':
          return 'typo';
        default:
          return PROFILE_ISSUE_CODES[code];
      }
    };
    const warned = (code: ProfileWarningCode): boolean => {
      // @ts-expect-error 'comma_list' is not a ProfileWarningCode
      return code === 'comma_list';
    };
    expect(hint('no_role')).toBe(PROFILE_ISSUE_CODES.no_role);
    expect(warned('unknown_language')).toBe(false);
  });

  it('every code a parse of random participants reports is in its table (property)', () => {
    const keys = [...KNOWN_KEYS, 'skills_offered', 'Role'];
    const value = fc.oneof(
      fc.constantFrom('mentor', 'mentee', 'peer', 'boss', '', 'EN; Klingon', 'a, b', 'Mon 09:00-10:00', 'Mars/Base', 'Europe/Berlin', 'x@y', 'Senior', 'python:7'),
      fc.integer({ min: -3, max: 9 }),
      fc.constant(null),
      fc.constant({ max: 1, min: 2 }),
      fc.constant({ openness: 500, Openness: 3 }),
      fc.array(fc.constantFrom('a', '', 'go:4', 'Tue 25:00-26:00'), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }), { maxLength: 4 }), (people) => {
        const r = safeParseParticipants(people);
        for (const w of r.warnings) expect(Object.hasOwn(PROFILE_WARNING_CODES, w.code), w.code).toBe(true);
        if (!r.success) for (const i of r.issues) expect(Object.hasOwn(PROFILE_ISSUE_CODES, i.code), i.code).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
