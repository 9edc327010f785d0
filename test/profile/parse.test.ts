/**
 * parseParticipants / safeParseParticipants: the profile schema read as a specification.
 *
 * One table of issue cases (every code, with its exact field and participant), then: all
 * issues are listed; the accepted shapes (aliases, `;`-separated strings, numeric
 * strings, null as absent); normalisation (Unicode, tags, skills, slots, time zones);
 * defaults; immutability and prototype safety; options; the TSDoc examples.
 * Property tests live in parse.properties.test.ts.
 */
import { describe, expect, it } from 'vitest';

import { ConfigError, ProfileError, isMatchError, type ProfileIssue } from '../../src/errors.js';
import { DEFAULT_TRAITS } from '../../src/profile/traits.js';
import { parseParticipants, safeParseParticipants, type ParseOptions } from '../../src/profile/parse.js';
import type { Participant } from '../../src/profile/types.js';
import { expectMatchError } from '../_helpers/expect-error.js';

/** The issues of a failing parse (fails the test if it succeeds). */
function issuesOf(input: unknown, options?: ParseOptions): readonly ProfileIssue[] {
  const r = safeParseParticipants(input, options);
  if (r.success) return expect.fail(`expected issues, got ${r.data.length} participants`);
  return r.issues;
}

/** The only issue of a failing parse. */
function onlyIssue(input: unknown, options?: ParseOptions): ProfileIssue {
  const issues = issuesOf(input, options);
  expect(issues.map((i) => i.message)).toHaveLength(1);
  return issues[0];
}

/** Parses one participant object. */
function one(p: Record<string, unknown>, options?: ParseOptions): Participant {
  const r = safeParseParticipants([p], options);
  if (!r.success) return expect.fail(r.issues.map((i) => i.message).join('\n'));
  return r.data[0];
}

const M = { id: 'm1', role: 'mentor' } as const;

describe('safeParseParticipants(input): one issue per problem, with code, participant, index and field', () => {
  type Case = [string, unknown, { code: string; field: string; participant?: string | number; index?: number; expected?: string; found?: string }];
  const cases: Case[] = [
    // the input and the participant objects
    ['input not an array', { id: 'a' }, { code: 'invalid_type', field: '', participant: -1, index: -1, expected: 'an array of participant objects', found: 'an object' }],
    ['input null', null, { code: 'invalid_type', field: '', participant: -1, index: -1, found: 'null' }],
    ['participant not an object', [5], { code: 'invalid_type', field: '', participant: 0, index: 0, expected: 'a participant object', found: '5' }],
    ['participant an array', [[]], { code: 'invalid_type', field: '', participant: 0, found: 'an array of 0' }],
    // id
    ['id missing', [{ role: 'mentor' }], { code: 'missing_field', field: 'id', participant: 0, found: 'nothing' }],
    ['id null', [{ id: null, role: 'mentor' }], { code: 'missing_field', field: 'id', participant: 0 }],
    ['id empty', [{ id: '', role: 'mentor' }], { code: 'empty_value', field: 'id', participant: 0, found: '""' }],
    ['id blank', [{ id: '   ', role: 'mentor' }], { code: 'empty_value', field: 'id', participant: 0 }],
    ['id fractional', [{ id: 1.5, role: 'mentor' }], { code: 'invalid_value', field: 'id', found: '1.5' }],
    ['id an object', [{ id: {}, role: 'mentor' }], { code: 'invalid_type', field: 'id', participant: 0, expected: 'a non-empty string or an integer', found: 'an object' }],
    // roles
    ['no role field', [{ id: 'a' }], { code: 'no_role', field: 'roles', participant: 'a', found: 'nothing' }],
    ['roles empty', [{ id: 'a', roles: [] }], { code: 'no_role', field: 'roles', found: 'an array of 0' }],
    ['role blank', [{ id: 'a', role: ' ' }], { code: 'no_role', field: 'role', found: '" "' }],
    ['role unknown word', [{ id: 'a', role: 'boss' }], { code: 'invalid_value', field: 'role', expected: "'mentor', 'mentee', 'both' or 'peer'", found: '"boss"' }],
    ['roles with an unknown word', [{ id: 'a', roles: ['mentor', 'boss'] }], { code: 'invalid_value', field: 'roles[1]', found: '"boss"' }],
    ['role a number', [{ id: 'a', role: 1 }], { code: 'invalid_type', field: 'role', found: '1' }],
    // skills
    ['level above 5 (string form)', [{ ...M, skillsOffered: ['python:6'] }], { code: 'out_of_range', field: 'skillsOffered[0].level', participant: 'm1', expected: 'an integer from 1 to 5', found: '6' }],
    ['level 0 (object form)', [{ ...M, skillsWanted: ['sql', { name: 'go', level: 0 }] }], { code: 'out_of_range', field: 'skillsWanted[1].level', found: '0' }],
    ['level fractional', [{ ...M, skillsWanted: [{ name: 'go', level: 2.5 }] }], { code: 'out_of_range', field: 'skillsWanted[0].level', found: '2.5' }],
    ['level not a number', [{ ...M, skillsWanted: ['go:expert'] }], { code: 'invalid_type', field: 'skillsWanted[0].level', found: '"expert"' }],
    ['level empty after the colon', [{ ...M, skillsWanted: ['go:'] }], { code: 'invalid_type', field: 'skillsWanted[0].level', found: '""' }],
    ['skill name missing', [{ ...M, skillsOffered: [{ level: 3 }] }], { code: 'missing_field', field: 'skillsOffered[0].name', found: 'nothing' }],
    ['skill name empty after normalisation', [{ ...M, skillsOffered: ['--:3'] }], { code: 'empty_value', field: 'skillsOffered[0].name', found: '"--"' }],
    ['skill neither string nor object', [{ ...M, skillsOffered: [42] }], { code: 'invalid_type', field: 'skillsOffered[0]', expected: "a skill: 'name', 'name:level' or { name, level }", found: '42' }],
    ['skills not a list', [{ ...M, skillsOffered: 42 }], { code: 'invalid_type', field: 'skillsOffered', found: '42' }],
    ['skill object with an extra key', [{ ...M, skillsOffered: [{ name: 'go', years: 3 }] }], { code: 'unknown_field', field: 'skillsOffered[0].years', expected: 'only name and level' }],
    // tag lists
    ['goal empty after normalisation', [{ ...M, goals: ['growth', ' _ '] }], { code: 'empty_value', field: 'goals[1]', found: '" _ "' }],
    ['interest not a string', [{ ...M, interests: ['chess', 7] }], { code: 'invalid_type', field: 'interests[1]', expected: 'a string', found: '7' }],
    ['languages an object', [{ ...M, languages: { en: true } }], { code: 'invalid_type', field: 'languages', found: 'an object' }],
    ['empty item in a ;-separated string', [{ ...M, interests: 'chess;;go' }], { code: 'empty_value', field: 'interests[1]' }],
    ['trailing ; in a ;-separated string', [{ ...M, languages: 'en;de;' }], { code: 'empty_value', field: 'languages[2]' }],
    // scalar fields
    ['name a number', [{ ...M, name: 5 }], { code: 'invalid_type', field: 'name', expected: 'a string', found: '5' }],
    ['department an array', [{ ...M, department: ['eng'] }], { code: 'invalid_type', field: 'department' }],
    ['seniority an unknown word', [{ ...M, seniority: 'boss' }], { code: 'unknown_seniority', field: 'seniority', found: '"boss"' }],
    ['seniority a boolean', [{ ...M, seniority: true }], { code: 'invalid_type', field: 'seniority', found: 'true' }],
    ['seniority NaN', [{ ...M, seniority: NaN }], { code: 'invalid_type', field: 'seniority', found: 'NaN' }],
    ['seniority Infinity', [{ ...M, seniority: Infinity }], { code: 'invalid_type', field: 'seniority', found: 'Infinity' }],
    ['managerId is the own id', [{ ...M, managerId: 'm1' }], { code: 'self_manager', field: 'managerId', participant: 'm1' }],
    ['managerId is the own numeric id', [{ id: 7, role: 'mentee', managerId: '7' }], { code: 'self_manager', field: 'managerId', participant: '7' }],
    ['managerId is the own e-mail', [{ ...M, email: 'mo@x.org', managerId: ' MO@X.org ' }], { code: 'self_manager', field: 'managerId', participant: 'm1' }],
    // email
    ['email without @', [{ ...M, email: 'mo.x.org' }], { code: 'invalid_email', field: 'email', found: '"mo.x.org"' }],
    ['email with two @', [{ ...M, email: 'mo@@x.org' }], { code: 'invalid_email', field: 'email' }],
    ['email with a space', [{ ...M, email: 'mo @x.org' }], { code: 'invalid_email', field: 'email' }],
    ['email a number', [{ ...M, email: 5 }], { code: 'invalid_type', field: 'email' }],
    ['email used twice (case-insensitive)', [{ ...M, email: 'mo@x.org' }, { id: 'm2', role: 'mentor', email: 'Mo@X.org' }], { code: 'duplicate_email', field: 'email', participant: 'm2', index: 1, found: '"mo@x.org", already the e-mail of the participant at index 0' }],
    // time zones and availability
    ['unknown time zone', [{ ...M, timeZone: 'Mars/Olympus' }], { code: 'unknown_time_zone', field: 'timeZone', expected: "an IANA time zone name such as 'Europe/Berlin'", found: '"Mars/Olympus"' }],
    ['unknown time zone via tz', [{ ...M, tz: 'Europe/Berlinn' }], { code: 'unknown_time_zone', field: 'tz' }],
    ['time zone an offset', [{ ...M, timezone: '+05:00' }], { code: 'unknown_time_zone', field: 'timezone' }],
    ['time zone a number', [{ ...M, timeZone: 1 }], { code: 'invalid_type', field: 'timeZone' }],
    ['availability without a time zone', [{ ...M, availability: ['Mon 09:00-10:00'] }], { code: 'missing_time_zone', field: 'timeZone', found: 'nothing' }],
    ['availability with a blank time zone', [{ ...M, tz: ' ', availability: 'Mon 09:00-10:00' }], { code: 'missing_time_zone', field: 'tz', found: '" "' }],
    ['slot hour 25', [{ ...M, tz: 'UTC', availability: ['Mon 09:00-10:00', 'Tue 25:00-26:00'] }], { code: 'invalid_slot', field: 'availability[1]', expected: 'a time from 00:00 to 24:00', found: '25:00' }],
    ['slot ending before it starts', [{ ...M, tz: 'UTC', availability: ['Mon 11:00-10:00'] }], { code: 'invalid_slot', field: 'availability[0]', found: '10:00 after 11:00' }],
    ['slot with an unknown day', [{ ...M, tz: 'UTC', availability: ['Someday 09:00-10:00'] }], { code: 'invalid_slot', field: 'availability[0]', expected: 'a day such as Mon, Tue, … Sun', found: '"Someday"' }],
    ['slot with "constructor" as its day', [{ ...M, tz: 'UTC', availability: ['constructor 09:00-10:00'] }], { code: 'invalid_slot', field: 'availability[0]', expected: 'a day such as Mon, Tue, … Sun', found: '"constructor"' }],
    ['slot not a string', [{ ...M, tz: 'UTC', availability: [{ day: 'Mon' }] }], { code: 'invalid_slot', field: 'availability[0]', found: 'an object' }],
    ['slot in a ;-separated string', [{ ...M, tz: 'UTC', availability: 'Mon 09:00-10:00; Mon 9-10' }], { code: 'invalid_slot', field: 'availability[1]', found: '" Mon 9-10"' }],
    // personality
    ['trait out of range', [{ ...M, personality: { openness: 101 } }], { code: 'out_of_range', field: 'personality.openness', expected: 'a number from 0 to 100', found: '101' }],
    ['trait negative', [{ ...M, personality: { Neuroticism: -1 } }], { code: 'out_of_range', field: 'personality.Neuroticism', found: '-1' }],
    ['trait not a number', [{ ...M, personality: { openness: 'high' } }], { code: 'invalid_type', field: 'personality.openness', found: '"high"' }],
    ['unknown trait', [{ ...M, personality: { charisma: 50 } }], { code: 'unknown_trait', field: 'personality.charisma', expected: 'one of openness, conscientiousness, extraversion, agreeableness, neuroticism', found: '"charisma"' }],
    ['two keys for one trait', [{ ...M, personality: { Openness: 1, ' openness ': 2 } }], { code: 'duplicate_key', field: 'personality[" openness "]' }],
    ['personality an array', [{ ...M, personality: [1, 2] }], { code: 'invalid_type', field: 'personality' }],
    // capacity
    ['negative capacity', [{ ...M, capacity: -1 }], { code: 'out_of_range', field: 'capacity', expected: 'an integer from 0 to 2147483647', found: '-1' }],
    ['fractional capacity', [{ ...M, capacity: 1.5 }], { code: 'out_of_range', field: 'capacity', found: '1.5' }],
    ['negative capacity.max', [{ ...M, capacity: { max: -2 } }], { code: 'out_of_range', field: 'capacity.max', found: '-2' }],
    ['negative maxMentees', [{ ...M, maxMentees: -1 }], { code: 'out_of_range', field: 'maxMentees' }],
    ['capacity.min above capacity.max', [{ ...M, capacity: { max: 2, min: 3 } }], { code: 'out_of_range', field: 'capacity.min', expected: 'at most max (2)', found: '3' }],
    ['capacity.min above the default max', [{ ...M, capacity: { min: 2 } }], { code: 'out_of_range', field: 'capacity.min', expected: 'at most max (1, the default)', found: '2' }],
    ['capacity a string', [{ ...M, capacity: 'many' }], { code: 'invalid_type', field: 'capacity', found: '"many"' }],
    ['capacity object with an extra key', [{ ...M, capacity: { max: 2, per: 'month' } }], { code: 'unknown_field', field: 'capacity.per' }],
    ['maxMentors 0', [{ id: 'e', role: 'mentee', maxMentors: 0 }], { code: 'out_of_range', field: 'maxMentors', expected: 'an integer from 1 to 2147483647', found: '0', participant: 'e' }],
    // attributes
    ['attribute a nested object', [{ ...M, attributes: { team: { name: 'x' } } }], { code: 'invalid_type', field: 'attributes.team', expected: 'a string, number or boolean', found: 'an object' }],
    ['attribute an array', [{ ...M, custom: { 'team size': [3] } }], { code: 'invalid_type', field: 'custom["team size"]', found: 'an array of 1' }],
    ['attribute NaN', [{ ...M, attributes: { score: NaN } }], { code: 'invalid_type', field: 'attributes.score', found: 'NaN' }],
    ['attribute key empty after normalisation', [{ ...M, attributes: { ' - ': 1 } }], { code: 'empty_value', field: 'attributes[" - "]' }],
    ['two attribute keys for one name', [{ ...M, attributes: { Team: 'a', team: 'b' } }], { code: 'duplicate_key', field: 'attributes.team' }],
    ['attributes not an object', [{ ...M, attributes: 'remote' }], { code: 'invalid_type', field: 'attributes' }],
    // unknown and conflicting fields
    ['unknown field', [{ ...M, favouriteColour: 'blue' }], { code: 'unknown_field', field: 'favouriteColour', found: 'an unknown field "favouriteColour"' }],
    ['misspelt field', [{ ...M, skills_offered: ['go'] }], { code: 'unknown_field', field: 'skills_offered', expected: 'a known field (did you mean "skillsOffered"?)' }],
    ['role and roles', [{ id: 'a', role: 'mentor', roles: ['mentee'] }], { code: 'conflicting_fields', field: 'role', expected: 'only one of roles, role' }],
    ['timeZone and tz', [{ ...M, timeZone: 'UTC', tz: 'UTC' }], { code: 'conflicting_fields', field: 'tz', found: 'both timeZone and tz' }],
    ['capacity and maxMentees', [{ ...M, capacity: 2, maxMentees: 2 }], { code: 'conflicting_fields', field: 'maxMentees' }],
    ['attributes and custom', [{ ...M, attributes: {}, custom: {} }], { code: 'conflicting_fields', field: 'custom' }],
  ];

  it.each(cases)('%s → exactly one issue with that code and field', (_, input, want) => {
    const issue = onlyIssue(input);
    expect(issue.code).toBe(want.code);
    expect(issue.field).toBe(want.field);
    if (want.participant !== undefined) expect(issue.participant).toBe(want.participant);
    if (want.index !== undefined) expect(issue.index).toBe(want.index);
    if (want.expected !== undefined) expect(issue.expected).toBe(want.expected);
    if (want.found !== undefined) expect(issue.found).toBe(want.found);
    // The message names the participant, the field, what was expected and what was found.
    if (issue.field !== '') expect(issue.message).toContain(issue.field);
    expect(issue.message).toContain(`expected ${issue.expected}`);
    expect(issue.message).toContain(`found ${issue.found}`);
    if (typeof issue.participant === 'string') expect(issue.message).toContain(JSON.stringify(issue.participant));
    else if (issue.index >= 0) expect(issue.message).toContain(`index ${issue.index}`);
  });

  it('safeParseParticipants names the participant by id when the id is valid, by index otherwise', () => {
    const issues = issuesOf([{ id: 'ok', role: 'x' }, { id: '', role: 'x' }]);
    expect(issues.map((i) => [i.participant, i.index, i.code])).toEqual([
      ['ok', 0, 'invalid_value'],
      [1, 1, 'empty_value'],
      [1, 1, 'invalid_value'],
    ]);
    expect(issues[0].message).toBe(
      `participant "ok" (index 0), field role: expected 'mentor', 'mentee', 'both' or 'peer', found "x" [invalid_value]`,
    );
    expect(issues[1].message).toBe('participant at index 1, field id: expected a non-empty string or an integer, found "" [empty_value]');
  });
});

describe('safeParseParticipants(input): duplicate ids', () => {
  it('reports each later duplicate, naming the index of the first', () => {
    const issues = issuesOf([
      { id: 'a', role: 'mentor' },
      { id: 'b', role: 'mentor' },
      { id: 'a', role: 'mentee' },
      { id: 'a', role: 'mentee' },
    ]);
    expect(issues.map((i) => [i.code, i.participant, i.index, i.field])).toEqual([
      ['duplicate_id', 'a', 2, 'id'],
      ['duplicate_id', 'a', 3, 'id'],
    ]);
    for (const i of issues) expect(i.found).toBe('"a", already the id of the participant at index 0');
  });

  it('treats the number 7 and the string "7" (and " 7 ") as the same id', () => {
    const issues = issuesOf([{ id: 7, role: 'mentor' }, { id: '7', role: 'mentee' }, { id: ' 7 ', role: 'mentee' }]);
    expect(issues.map((i) => [i.code, i.index])).toEqual([
      ['duplicate_id', 1],
      ['duplicate_id', 2],
    ]);
  });

  it('is case-sensitive: "A" and "a" are different ids', () => {
    expect(parseParticipants([{ id: 'A', role: 'mentor' }, { id: 'a', role: 'mentor' }]).map((p) => p.id)).toEqual(['A', 'a']);
  });

  it('counts a duplicate even when the duplicate has other problems', () => {
    const issues = issuesOf([{ id: 'a', role: 'mentor' }, { id: 'a', role: 'boss' }]);
    expect(issues.map((i) => i.code)).toEqual(['duplicate_id', 'invalid_value']);
  });
});

describe('safeParseParticipants(input): every issue is listed', () => {
  it('a participant with three problems has three issues', () => {
    const issues = issuesOf([{ id: 'a', roles: [], capacity: -1, tz: 'Nowhere/Land' }]);
    expect(issues.map((i) => [i.code, i.field]).sort()).toEqual([
      ['no_role', 'roles'],
      ['out_of_range', 'capacity'],
      ['unknown_time_zone', 'tz'],
    ]);
    expect(issues.every((i) => i.participant === 'a' && i.index === 0)).toBe(true);
  });

  it('several problems inside one field are all listed', () => {
    const issues = issuesOf([{ ...M, skillsWanted: ['a:0', 'b:9', { name: '', level: 'x' }], tz: 'UTC', availability: ['Mon 25:00-26:00', 'Tue 10:00-09:00'] }]);
    expect(issues.map((i) => `${i.field} ${i.code}`)).toEqual([
      'skillsWanted[0].level out_of_range',
      'skillsWanted[1].level out_of_range',
      'skillsWanted[2].name empty_value',
      'skillsWanted[2].level invalid_type',
      'availability[0] invalid_slot',
      'availability[1] invalid_slot',
    ]);
  });

  it('issues of several participants are listed in participant order', () => {
    const issues = issuesOf([
      { id: 'ok', role: 'mentor' },
      { id: 'p1', role: 'mentor', capacity: -1, personality: { openness: 200 } },
      'not an object',
      { role: 'mentee' },
      { id: 'p4', role: 'mentee', managerId: 'p4', maxMentors: 0 },
    ]);
    expect(issues.map((i) => [i.index, i.participant, i.code])).toEqual([
      [1, 'p1', 'out_of_range'],
      [1, 'p1', 'out_of_range'],
      [2, 2, 'invalid_type'],
      [3, 3, 'missing_field'],
      [4, 'p4', 'out_of_range'],
      [4, 'p4', 'self_manager'],
    ]);
  });

  it('an invalid availability still needs a time zone (both are reported)', () => {
    const issues = issuesOf([{ ...M, availability: ['Mon 25:00-26:00'] }]);
    expect(issues.map((i) => i.code)).toEqual(['invalid_slot', 'missing_time_zone']);
  });

  it('parseParticipants throws a ProfileError (INVALID_PROFILE) carrying the same issues', () => {
    const input = [{ id: 'a', roles: [], capacity: -1, tz: 'Nowhere/Land' }, { id: 'a', role: 'mentee' }];
    const e = expectMatchError(() => parseParticipants(input), 'INVALID_PROFILE');
    expect(e).toBeInstanceOf(ProfileError);
    const issues = (e as ProfileError).issues;
    expect(issues).toEqual(issuesOf(input));
    expect(issues).toHaveLength(4);
    expect(e.message).toMatch(/^4 problems in participant profiles:\n/u);
    for (const i of issues) expect(e.message).toContain(i.message);
  });
});

describe('parseParticipants(input): accepted shapes', () => {
  it('accepts a numeric id and managerId and returns them as strings', () => {
    const p = one({ id: 42, role: 'mentee', managerId: 7 });
    expect(p.id).toBe('42');
    expect(p.managerId).toBe('7');
  });

  it('trims string ids and keeps their case and Unicode', () => {
    expect(one({ id: '  Émile-01 ', role: 'mentor' }).id).toBe('Émile-01');
    expect(one({ id: '日本-1', role: 'mentor' }).id).toBe('日本-1');
  });

  it('accepts a managerId that names nobody in the input (an external manager)', () => {
    expect(one({ ...M, managerId: 'ceo' }).managerId).toBe('ceo');
  });

  it.each([
    ['role: "mentor"', { role: 'mentor' }, ['mentor']],
    ['role: "Mentee"', { role: 'Mentee' }, ['mentee']],
    ['role: " MENTOR "', { role: ' MENTOR ' }, ['mentor']],
    ['role: "both"', { role: 'both' }, ['mentor', 'mentee']],
    ['role: "peer"', { role: 'Peer' }, ['mentor', 'mentee']],
    ['roles: ["mentee", "mentor"]', { roles: ['mentee', 'mentor'] }, ['mentor', 'mentee']],
    ['roles: ["mentor", "mentor"]', { roles: ['mentor', 'mentor'] }, ['mentor']],
    ['roles: "mentor; mentee"', { roles: 'mentor; mentee' }, ['mentor', 'mentee']],
    ['role: ["peer"]', { role: ['peer'] }, ['mentor', 'mentee']],
  ])('accepts %s as roles %j (canonical order: mentor, mentee)', (_, fields, roles) => {
    expect(one({ id: 'x', ...fields }).roles).toEqual(roles);
  });

  it('accepts timeZone, timezone and tz', () => {
    for (const key of ['timeZone', 'timezone', 'tz']) expect(one({ ...M, [key]: 'Asia/Tokyo' }).timeZone).toBe('Asia/Tokyo');
  });

  it('accepts maxMentees for capacity, as a number or { max, min }', () => {
    expect(one({ ...M, maxMentees: 3 }).capacity).toEqual({ max: 3, min: 0 });
    expect(one({ ...M, maxMentees: { max: 4, min: 2 } }).capacity).toEqual({ max: 4, min: 2 });
  });

  it('accepts custom for attributes', () => {
    expect(one({ ...M, custom: { Remote: true } }).attributes).toEqual({ remote: true });
  });

  it('accepts a ;-separated string for every list field', () => {
    const p = one({
      ...M,
      skillsOffered: 'Python:4; SQL',
      skillsWanted: 'Go:3',
      goals: 'Leadership; Public speaking',
      interests: 'chess;hiking ; chess',
      languages: 'English;Deutsch',
      tz: 'Europe/Berlin',
      availability: 'Mon 09:00-10:00; Wed 14:00-15:00',
    });
    expect(p.skillsOffered).toEqual([{ name: 'python', level: 4 }, { name: 'sql', level: undefined }]);
    expect(p.skillsWanted).toEqual([{ name: 'go', level: 3 }]);
    expect(p.goals).toEqual(['leadership', 'public speaking']);
    expect(p.interests).toEqual(['chess', 'hiking']);
    expect(p.languages).toEqual(['english', 'german']); // languages are resolved (languages.test.ts)
    expect(p.availability).toEqual([
      { day: 0, start: 540, end: 600 },
      { day: 2, start: 840, end: 900 },
    ]);
  });

  it('reads a blank ;-string as an empty list (an empty CSV cell)', () => {
    const p = one({ ...M, goals: '', languages: '  ', availability: '' });
    expect(p.goals).toEqual([]);
    expect(p.languages).toEqual([]);
    expect(p.availability).toEqual([]);
    expect(p.timeZone).toBeUndefined(); // no slots, so no time zone needed
  });

  it('accepts skills as strings, name:level strings and { name, level } objects', () => {
    const p = one({ ...M, skillsOffered: ['rust', 'go:2', { name: 'SQL', level: 5 }, { name: 'c' }, { name: 'ml', level: null }, { name: 'iso:27001' }] });
    expect(p.skillsOffered).toEqual([
      { name: 'rust', level: undefined },
      { name: 'go', level: 2 },
      { name: 'sql', level: 5 },
      { name: 'c', level: undefined },
      { name: 'ml', level: undefined },
      { name: 'iso:27001', level: undefined },
    ]);
  });

  it('splits a name:level string at the last colon', () => {
    expect(one({ ...M, skillsOffered: ['a:b:3'] }).skillsOffered).toEqual([{ name: 'a:b', level: 3 }]);
  });

  it('accepts decimal numeric strings for numbers (CSV exports)', () => {
    const p = one({ ...M, seniority: ' 3.5 ', capacity: '2', maxMentors: '2', skillsOffered: [{ name: 'go', level: '4' }], personality: { openness: '55' } });
    expect(p.seniority).toBe(3.5);
    expect(p.capacity).toEqual({ max: 2, min: 0 });
    expect(p.maxMentors).toBe(2);
    expect(p.skillsOffered[0].level).toBe(4);
    expect(p.personality.openness).toBe(55);
  });

  it('accepts a number for department and location', () => {
    const p = one({ ...M, department: 4100, location: 7 });
    expect(p.department).toBe('4100');
    expect(p.location).toBe('7');
  });

  it('reads null as absent for every optional field', () => {
    const p = one({
      ...M,
      name: null,
      skillsOffered: null,
      skillsWanted: null,
      goals: null,
      interests: null,
      languages: null,
      department: null,
      location: null,
      managerId: null,
      seniority: null,
      timeZone: null,
      availability: null,
      personality: null,
      capacity: null,
      maxMentors: null,
      attributes: null,
    });
    expect(p).toEqual(one(M));
  });

  it('reads blank strings as absent for name, department, location, managerId and timeZone', () => {
    const p = one({ ...M, name: ' ', department: '', location: ' - ', managerId: '  ', timeZone: '' });
    expect([p.name, p.department, p.location, p.managerId, p.timeZone]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('does not count a null alias as a conflict', () => {
    expect(one({ id: 'a', role: null, roles: ['mentee'], timeZone: null, tz: 'UTC' }).roles).toEqual(['mentee']);
  });

  it('keeps capacity on a pure mentee (unused, not an issue)', () => {
    expect(one({ id: 'e', role: 'mentee', capacity: 3 }).capacity).toEqual({ max: 3, min: 0 });
  });

  it('accepts negative and fractional seniority', () => {
    expect(one({ ...M, seniority: -1.25 }).seniority).toBe(-1.25);
  });

  it('accepts a trait at both ends of its range', () => {
    expect(one({ ...M, personality: { openness: 0, neuroticism: 100 } }).personality).toEqual({ openness: 0, neuroticism: 100 });
  });

  it('ignores null trait and attribute values', () => {
    const p = one({ ...M, personality: { openness: null, extraversion: 10 }, attributes: { team: null, remote: false } });
    expect(p.personality).toEqual({ extraversion: 10 });
    expect(p.attributes).toEqual({ remote: false });
  });

  it('accepts an empty input', () => {
    expect(parseParticipants([])).toEqual([]);
  });
});

describe('parseParticipants(input): normalisation', () => {
  it('normalises every tag with normalizeTag (NFKC, lower case, separators) and keeps accents', () => {
    const p = one({
      ...M,
      skillsOffered: ['ＰＹＴＨＯＮ:3', 'Machine-Learning'],
      goals: ['Café', 'cafe', 'Public_Speaking'],
      interests: ['🎸 Guitar', '日本語'],
      languages: ['Français', 'FRANÇAIS', 'français', 'Vulcan-Tongue'],
      department: '  Research & Development ',
      location: 'São-Paulo',
    });
    expect(p.skillsOffered).toEqual([{ name: 'python', level: 3 }, { name: 'machine learning', level: undefined }]);
    expect(p.goals).toEqual(['café', 'cafe', 'public speaking']);
    expect(p.interests).toEqual(['🎸 guitar', '日本語']);
    expect(p.languages).toEqual(['french', 'vulcan tongue']); // a known language by its English name; an unknown one as a tag
    expect(p.department).toBe('research & development');
    expect(p.location).toBe('são paulo');
  });

  it('keeps names as display text: NFC, trimmed, case, accents and emoji kept', () => {
    expect(one({ ...M, name: '  José Ñúñez 🚀 ' }).name).toBe('José Ñúñez 🚀');
    expect(one({ ...M, name: 'Jose\u0301' }).name).toBe('Jos\u00e9'); // composed (NFC)
    expect(one({ ...M, name: 'ＡＬＩＣＥ' }).name).toBe('ＡＬＩＣＥ'); // not NFKC: display text is kept
    expect(one({ ...M, name: '김민준' }).name).toBe('김민준');
  });

  it('de-duplicates lists after normalisation, keeping the first occurrence and its position', () => {
    expect(one({ ...M, goals: ['b', 'A', ' a ', 'B', 'c'] }).goals).toEqual(['b', 'a', 'c']);
  });

  it('merges repeated skills, keeping the first position and the higher level', () => {
    const p = one({ ...M, skillsOffered: ['sql:2', 'go', 'SQL:4', 'Go:1', 'sql:3'], skillsWanted: ['rust:2', 'rust', 'Rust:5'] });
    expect(p.skillsOffered).toEqual([{ name: 'sql', level: 4 }, { name: 'go', level: 1 }]);
    expect(p.skillsWanted).toEqual([{ name: 'rust', level: 5 }]);
  });

  it('normalises trait names (case, whitespace) and attribute keys', () => {
    const p = one({ ...M, personality: { ' OPENNESS ': 70 }, attributes: { 'Team Size': 5, Remote_OK: true, Site: 'HQ' } });
    expect(p.personality).toEqual({ openness: 70 });
    expect(p.attributes).toEqual({ 'team size': 5, 'remote ok': true, site: 'HQ' });
  });
});

describe('parseParticipants(input): availability slots', () => {
  const slots = (availability: unknown, tz = 'UTC') => one({ ...M, tz, availability }).availability;

  it.each([
    ['Mon 9:00-10:00', { day: 0, start: 540, end: 600 }],
    ['Sunday 22:00-24:00', { day: 6, start: 1320, end: 1440 }],
    ['friday 08:30–09:15', { day: 4, start: 510, end: 555 }],
    ['Wed 00:00-24:00', { day: 2, start: 0, end: 1440 }],
  ])('accepts %j', (text, slot) => {
    expect(slots([text])).toEqual([slot]);
  });

  it('merges overlapping and touching slots of one person and sorts by day, then start', () => {
    expect(slots(['Tue 10:00-11:00', 'Mon 09:00-10:00', 'Mon 09:30-12:00', 'Mon 12:00-13:00', 'Mon 14:00-15:00', 'Tue 10:30-10:45'])).toEqual([
      { day: 0, start: 540, end: 780 },
      { day: 0, start: 840, end: 900 },
      { day: 1, start: 600, end: 660 },
    ]);
  });

  it('keeps slots on different days apart even when they touch at midnight', () => {
    expect(slots(['Mon 22:00-24:00', 'Tue 00:00-01:00'])).toEqual([
      { day: 0, start: 1320, end: 1440 },
      { day: 1, start: 0, end: 60 },
    ]);
  });

  it.each([
    ['Mon 25:00-26:00', 'a time from 00:00 to 24:00', '25:00'],
    ['Mon 10:00-09:00', 'an end time after the start time (split a slot that crosses midnight in two)', '09:00 after 10:00'],
    ['Mon 24:00-24:00', 'a start time before 24:00', '24:00'],
    ['Mon 9-10', "'Day HH:MM-HH:MM', e.g. 'Mon 09:00-11:00'", '"Mon 9-10"'],
  ])('rejects %j with parseSlot’s expected and found', (text, expected, found) => {
    const issue = onlyIssue([{ ...M, tz: 'UTC', availability: [text] }]);
    expect([issue.code, issue.field, issue.expected, issue.found]).toEqual(['invalid_slot', 'availability[0]', expected, found]);
  });
});

describe('parseParticipants(input): time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['America/New_York', 'America/New_York'],
    [' Asia/Kolkata ', 'Asia/Kolkata'],
    ['europe/berlin', 'Europe/Berlin'],
    ['utc', 'UTC'],
    ['US/Pacific', 'US/Pacific'],
  ])('accepts %j and stores %j', (given, stored) => {
    expect(one({ ...M, timeZone: given }).timeZone).toBe(stored);
  });

  it('does not require a time zone without availability', () => {
    expect(one(M).timeZone).toBeUndefined();
    expect(one({ ...M, availability: [] }).timeZone).toBeUndefined();
  });

  it('requires a time zone with availability', () => {
    const issue = onlyIssue([{ ...M, availability: 'Mon 09:00-10:00' }]);
    expect([issue.code, issue.field, issue.participant]).toEqual(['missing_time_zone', 'timeZone', 'm1']);
  });

  it('reports an unknown time zone once, not also as missing, when availability is given', () => {
    const issues = issuesOf([{ ...M, tz: 'Mars/Olympus', availability: 'Mon 09:00-10:00' }]);
    expect(issues.map((i) => i.code)).toEqual(['unknown_time_zone']);
  });
});

describe('parseParticipants(input): defaults', () => {
  it('fills every optional field with its documented default', () => {
    const p = one({ id: 'x', role: 'mentee' });
    expect(p).toEqual({
      id: 'x',
      name: undefined,
      roles: ['mentee'],
      skillsOffered: [],
      skillsWanted: [],
      goals: [],
      interests: [],
      languages: [],
      department: undefined,
      location: undefined,
      managerId: undefined,
      email: undefined,
      seniority: undefined,
      timeZone: undefined,
      availability: [],
      personality: {},
      capacity: { max: 1, min: 0 },
      maxMentors: 1,
      attributes: {},
    });
    expect(Object.keys(p)).toHaveLength(19);
  });

  it('defaults capacity.min to 0 and capacity.max to 1', () => {
    expect(one({ ...M, capacity: { max: 5 } }).capacity).toEqual({ max: 5, min: 0 });
    expect(one({ ...M, capacity: { min: 1 } }).capacity).toEqual({ max: 1, min: 1 });
    expect(one({ ...M, capacity: {} }).capacity).toEqual({ max: 1, min: 0 });
    expect(one({ ...M, capacity: 0 }).capacity).toEqual({ max: 0, min: 0 });
  });

  it('DEFAULT_TRAITS is the Big Five, each 0–100, frozen', () => {
    expect(DEFAULT_TRAITS).toEqual({
      openness: { min: 0, max: 100 },
      conscientiousness: { min: 0, max: 100 },
      extraversion: { min: 0, max: 100 },
      agreeableness: { min: 0, max: 100 },
      neuroticism: { min: 0, max: 100 },
    });
    expect(Object.isFrozen(DEFAULT_TRAITS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TRAITS.openness)).toBe(true);
  });
});

describe('parseParticipants(input): immutability and prototype safety', () => {
  const input = () => [
    {
      id: 'a',
      role: 'both',
      skillsOffered: ['go:3'],
      skillsWanted: [{ name: 'rust', level: 2 }],
      goals: ['g'],
      interests: ['i'],
      languages: ['en'],
      tz: 'UTC',
      availability: ['Mon 09:00-10:00'],
      personality: { openness: 5 },
      capacity: { max: 2, min: 1 },
      attributes: { team: 'x' },
    },
  ];

  it('freezes the array, each participant and everything inside it', () => {
    const ps = parseParticipants(input());
    expect(Object.isFrozen(ps)).toBe(true);
    const p = ps[0];
    expect(Object.isFrozen(p)).toBe(true);
    for (const v of [p.roles, p.skillsOffered, p.skillsWanted, p.goals, p.interests, p.languages, p.availability, p.personality, p.capacity, p.attributes]) {
      expect(Object.isFrozen(v)).toBe(true);
    }
    for (const s of [...p.skillsOffered, ...p.skillsWanted, ...p.availability]) expect(Object.isFrozen(s)).toBe(true);
    expect(() => {
      (p as { id: string }).id = 'b';
    }).toThrow(TypeError);
    expect(() => (p.goals as string[]).push('x')).toThrow(TypeError);
    expect(() => {
      (p.attributes as Record<string, unknown>).team = 'y';
    }).toThrow(TypeError);
  });

  it('freezes the safeParse result and its issues', () => {
    const r = safeParseParticipants([{ id: 'a' }]);
    expect(Object.isFrozen(r)).toBe(true);
    if (r.success) return expect.fail('expected issues');
    expect(Object.isFrozen(r.issues)).toBe(true);
    expect(Object.isFrozen(r.issues[0])).toBe(true);
  });

  it('does not modify its input', () => {
    const given = input();
    const copy = structuredClone(given);
    parseParticipants(given);
    expect(given).toEqual(copy);
  });

  it('parses the same input twice to equal results', () => {
    expect(parseParticipants(input())).toEqual(parseParticipants(input()));
  });

  it('keeps __proto__, constructor and prototype attribute keys as plain data', () => {
    const raw = JSON.parse('[{"id":"a","role":"mentor","attributes":{"__proto__":"x","constructor":"y","prototype":1,"toString":true,"hasOwnProperty":2}}]');
    const [p] = parseParticipants(raw);
    expect(Object.getPrototypeOf(p.attributes)).toBeNull();
    // normalizeTag turns the underscores of __proto__ into (trimmed) spaces: the key is 'proto'.
    expect({ ...p.attributes }).toEqual({ proto: 'x', constructor: 'y', prototype: 1, tostring: true, hasownproperty: 2 });
    expect(Object.keys(p.attributes)).toEqual(['proto', 'constructor', 'prototype', 'tostring', 'hasownproperty']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('does not pollute Object.prototype through a nested __proto__ attribute or trait', () => {
    const raw = JSON.parse('[{"id":"a","role":"mentor","attributes":{"__proto__":{"polluted":true}},"personality":{"__proto__":{"polluted":true}}}]');
    const issues = issuesOf(raw);
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['unknown_trait', 'personality.__proto__'],
      ['invalid_type', 'attributes.__proto__'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a top-level __proto__ key as an unknown field and never reads inherited fields', () => {
    const raw = JSON.parse('[{"id":"a","role":"mentor","__proto__":{"role":"boss"}}]');
    expect(issuesOf(raw).map((i) => [i.code, i.field])).toEqual([['unknown_field', '__proto__']]);
    const inherited = Object.create({ id: 'ghost', role: 'mentor' }) as object;
    expect(issuesOf([inherited]).map((i) => i.code)).toEqual(['missing_field', 'no_role']);
  });

  it('gives the personality record a null prototype', () => {
    expect(Object.getPrototypeOf(one({ ...M, personality: { openness: 1 } }).personality)).toBeNull();
  });
});

describe('parseParticipants(input, options)', () => {
  const DISC: ParseOptions['traits'] = { Dominance: { min: 0, max: 10 }, influence: { min: 0, max: 10 }, steadiness: { min: 0, max: 10 }, conscientiousness: { min: 0, max: 10 } };

  it('options.traits replaces the Big Five with the declared traits and ranges', () => {
    expect(one({ ...M, personality: { dominance: 10, Influence: 0 } }, { traits: DISC }).personality).toEqual({ dominance: 10, influence: 0 });
    const issues = issuesOf([{ ...M, personality: { dominance: 11, openness: 50 } }], { traits: DISC });
    expect(issues.map((i) => [i.code, i.field, i.expected])).toEqual([
      ['out_of_range', 'personality.dominance', 'a number from 0 to 10'],
      ['unknown_trait', 'personality.openness', 'one of dominance, influence, steadiness, conscientiousness'],
    ]);
  });

  it('options.traits accepts negative and fractional ranges', () => {
    const traits = { valence: { min: -1, max: 1 } };
    expect(one({ ...M, personality: { valence: -0.5 } }, { traits }).personality).toEqual({ valence: -0.5 });
    expect(onlyIssue([{ ...M, personality: { valence: 1.01 } }], { traits }).code).toBe('out_of_range');
  });

  it('options.traits = {} declares no traits', () => {
    expect(onlyIssue([{ ...M, personality: { openness: 1 } }], { traits: {} }).expected).toBe('no traits (none are declared in options.traits)');
  });

  it('options.allowUnknownTraits drops undeclared traits instead of reporting them', () => {
    const p = one({ ...M, personality: { openness: 60, charisma: 999 } }, { allowUnknownTraits: true });
    expect(p.personality).toEqual({ openness: 60 });
    // Declared traits are still checked.
    expect(onlyIssue([{ ...M, personality: { openness: 101, charisma: 1 } }], { allowUnknownTraits: true }).code).toBe('out_of_range');
  });

  it('options.allowUnknownFields ignores unknown fields at the top level and in skill and capacity objects', () => {
    const raw = { ...M, employeeNumber: 123, skillsOffered: [{ name: 'go', years: 3 }], capacity: { max: 2, per: 'month' } };
    expect(issuesOf([raw]).map((i) => [i.code, i.field])).toEqual([
      ['unknown_field', 'employeeNumber'],
      ['unknown_field', 'skillsOffered[0].years'],
      ['unknown_field', 'capacity.per'],
    ]);
    const p = one(raw, { allowUnknownFields: true });
    expect(p).not.toHaveProperty('employeeNumber');
    expect(p.skillsOffered).toEqual([{ name: 'go', level: undefined }]);
    expect(p.capacity).toEqual({ max: 2, min: 0 });
  });

  it.each([
    ['a trait with min > max', { traits: { x: { min: 5, max: 1 } } }],
    ['a trait without max', { traits: { x: { min: 0 } } }],
    ['a trait with a NaN bound', { traits: { x: { min: NaN, max: 1 } } }],
    ['two names for one trait', { traits: { Openness: { min: 0, max: 1 }, openness: { min: 0, max: 1 } } }],
    ['an empty trait name', { traits: { ' ': { min: 0, max: 1 } } }],
    ['a misspelt option', { allowUnknownField: true }],
    ['a non-boolean flag', { allowUnknownFields: 'yes' }],
  ])('invalid options (%s) throw ConfigError from both functions', (_, options) => {
    const e1 = expectMatchError(() => parseParticipants([M], options as ParseOptions), 'INVALID_CONFIG');
    expect(e1).toBeInstanceOf(ConfigError);
    expectMatchError(() => safeParseParticipants([M], options as ParseOptions), 'INVALID_CONFIG');
  });
});

describe('TSDoc examples', () => {
  it('parseParticipants example', () => {
    const [alice] = parseParticipants([
      { id: 7, name: 'Alice', role: 'Mentor', skillsOffered: 'Python:4; SQL; python:5', tz: 'Europe/Berlin', availability: 'Mon 09:00-10:00; Mon 09:30-11:00' },
    ]);
    expect(alice.id).toBe('7');
    expect(alice.roles).toEqual(['mentor']);
    expect(alice.skillsOffered).toEqual([{ name: 'python', level: 5 }, { name: 'sql', level: undefined }]);
    expect(alice.availability).toEqual([{ day: 0, start: 540, end: 660 }]);
    expect(alice.capacity).toEqual({ max: 1, min: 0 });

    let thrown: unknown;
    try {
      parseParticipants([{ id: 'b', role: 'mentee', skillsWanted: ['go:7'] }]);
    } catch (e) {
      thrown = e;
    }
    expect(isMatchError(thrown) && thrown.message).toBe(
      '1 problem in participant profiles:\n  - participant "b" (index 0), field skillsWanted[0].level: expected an integer from 1 to 5, found 7 [out_of_range]',
    );
  });

  it('safeParseParticipants example', () => {
    const r = safeParseParticipants([
      { id: 'a', role: 'mentor', capacity: -1 },
      { id: 'a', role: 'boss' },
    ]);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => `${i.participant} ${i.field} ${i.code}`)).toEqual(['a capacity out_of_range', 'a id duplicate_id', 'a role invalid_value']);
  });

  it('ProfileError example (errors.ts): roles: [] is reported on field roles', () => {
    try {
      parseParticipants([{ id: 'a', roles: [] }]);
      expect.fail('expected a ProfileError');
    } catch (e) {
      expect(e).toBeInstanceOf(ProfileError);
      expect((e as ProfileError).issues[0].field).toBe('roles');
    }
  });

  it('ProfileIssueCode example: tz: "Mars/Olympus" is unknown_time_zone', () => {
    expect(onlyIssue([{ id: 'a', role: 'mentor', tz: 'Mars/Olympus' }]).code).toBe('unknown_time_zone');
  });
});
