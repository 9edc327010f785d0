/**
 * A seeded generator of a realistic synthetic mentoring cohort, written as CSV in the
 * cohort format (examples/data/README.md describes every column).
 *
 * By default: 60 mentors and 150 mentees in 6 departments and 8 offices on 4 continents
 * (8 IANA time zones, plus a few remote people), each with working-hour availability in
 * local time, languages, seniority 1–6 (mentors mostly senior), a manager (often a mentor
 * of the same department, so the reporting-line rule has work to do), skills offered
 * (mentors, with levels) and wanted (mentees, with target levels) from a catalogue where
 * some skills are popular and a few are scarce, goals, interests, Big Five scores 0–100,
 * mentor capacities 1–4 (a few with a minimum of 1), a few mentees who want two mentors,
 * a few people who are both mentor and mentee, some junior "reverse" mentors who teach
 * generative AI and social media to executives, and the custom attributes `attr:gender`,
 * `attr:site` (hq / hub / remote) and `attr:grade`. Some cells are left empty (data
 * not given), as in a real HR export.
 *
 * Five people are hard to match on purpose: a mentee who speaks only Japanese, one free
 * only on Sunday at dawn, one who wants COBOL and mainframe skills nobody offers, a VP
 * whom nobody is more senior than, and a mentor free only on Saturday night.
 *
 * The output depends only on the options: the random numbers come from mulberry32 seeded
 * with `--seed`, so the committed examples/data/cohort.csv is reproducible byte for byte.
 *
 * Run: npx tsx examples/generate-cohort.ts [--mentors 60] [--mentees 150] [--seed 42] [--out examples/data/cohort.csv]
 *      npx tsx examples/generate-cohort.ts --people 12000   (a fifth mentors; bench/.data/cohort-12000.csv)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify/sync';

// --- Seeded random numbers ----------------------------------------------------------

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [x, w] of items) {
      r -= w;
      if (r < 0) return x;
    }
    return items[items.length - 1][0];
  }
  /** k distinct items, weighted, in the order drawn. */
  sample<T>(items: readonly (readonly [T, number])[], k: number): T[] {
    const pool = items.filter(([, w]) => w > 0).map(([x, w]) => [x, w] as const);
    const out: T[] = [];
    while (out.length < k && pool.length > 0) {
      const x = this.weighted(pool);
      out.push(x);
      pool.splice(
        pool.findIndex(([y]) => y === x),
        1,
      );
    }
    return out;
  }
  /** Roughly normal (sum of three uniforms), clamped and rounded. */
  normalInt(mean: number, sd: number, lo: number, hi: number): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2; // variance 1
    return Math.max(lo, Math.min(hi, Math.round(mean + sd * z)));
  }
}

// --- The organisation -------------------------------------------------------------

type Culture = 'de' | 'uk' | 'pl' | 'us' | 'br' | 'in' | 'sg' | 'au';

interface Office {
  readonly city: string;
  readonly timeZone: string;
  readonly site: 'hq' | 'hub';
  readonly weight: number;
  readonly culture: Culture;
  /** Languages besides English, with the share of people who speak them. */
  readonly languages: readonly (readonly [string, number])[];
}

const OFFICES: readonly Office[] = [
  { city: 'Berlin', timeZone: 'Europe/Berlin', site: 'hq', weight: 26, culture: 'de', languages: [['Deutsch', 0.85], ['Türkçe', 0.06], ['Français', 0.08]] },
  { city: 'London', timeZone: 'Europe/London', site: 'hub', weight: 14, culture: 'uk', languages: [['Français', 0.1], ['Hindi', 0.05], ['Español', 0.06]] },
  { city: 'Warsaw', timeZone: 'Europe/Warsaw', site: 'hub', weight: 9, culture: 'pl', languages: [['Polski', 0.95], ['Deutsch', 0.12]] },
  { city: 'New York', timeZone: 'America/New_York', site: 'hub', weight: 16, culture: 'us', languages: [['Español', 0.22], ['Français', 0.04]] },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo', site: 'hub', weight: 8, culture: 'br', languages: [['Português', 0.97], ['Español', 0.3]] },
  { city: 'Bengaluru', timeZone: 'Asia/Kolkata', site: 'hub', weight: 14, culture: 'in', languages: [['Hindi', 0.65], ['Kannada', 0.3], ['Tamil', 0.15]] },
  { city: 'Singapore', timeZone: 'Asia/Singapore', site: 'hub', weight: 8, culture: 'sg', languages: [['Mandarin', 0.5], ['Bahasa Melayu', 0.18], ['Tamil', 0.06]] },
  { city: 'Sydney', timeZone: 'Australia/Sydney', site: 'hub', weight: 5, culture: 'au', languages: [['Mandarin', 0.06], ['Tiếng Việt', 0.05]] },
];

/** First names by culture and gender, and last names (`a|b`: masculine|feminine form). */
const NAMES: Readonly<Record<Culture, { f: readonly string[]; m: readonly string[]; last: readonly string[] }>> = {
  de: {
    f: ['Anna', 'Lena', 'Sophie', 'Marie', 'Hannah', 'Zoë', 'Jana', 'Katrin', 'Miriam', 'Leonie', 'Elif', 'Annika'],
    m: ['Lukas', 'Jonas', 'Felix', 'Tobias', 'Matthias', 'Jörg', 'Stefan', 'Emre', 'Niklas', 'Sebastian', 'Björn', 'Malte'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Yılmaz', 'Krüger', 'Wagner', 'Öztürk', 'Neumann'],
  },
  uk: {
    f: ['Olivia', 'Amelia', 'Isla', 'Chloe', 'Priya', 'Grace', 'Siobhan', 'Zoë', 'Charlotte', 'Aisha', 'Niamh', 'Freya'],
    m: ['Oliver', 'Harry', 'George', 'James', 'Kwame', 'Rhys', 'Callum', 'Tom', 'Arjun', 'Daniel', 'Seán', 'Idris'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Evans', "O'Brien", 'Patel', 'Okafor', 'Hughes', 'Wright', 'Murphy', 'Khan', 'Mensah'],
  },
  pl: {
    f: ['Agnieszka', 'Katarzyna', 'Małgorzata', 'Zofia', 'Ewa', 'Joanna', 'Alicja', 'Magdalena', 'Iwona'],
    m: ['Łukasz', 'Paweł', 'Piotr', 'Krzysztof', 'Tomasz', 'Michał', 'Jakub', 'Wojciech', 'Grzegorz'],
    last: ['Nowak', 'Kowalski|Kowalska', 'Wiśniewski|Wiśniewska', 'Wójcik', 'Kamiński|Kamińska', 'Lewandowski|Lewandowska', 'Zieliński|Zielińska', 'Woźniak', 'Dąbrowski|Dąbrowska', 'Mazur'],
  },
  us: {
    f: ['Emily', 'Ashley', 'Jessica', 'María', 'Keisha', 'Madison', 'Sarah', 'Mei', 'Gabriela', 'Rachel', 'Aaliyah', 'Hannah'],
    m: ['Michael', 'Christopher', 'José', 'David', 'Tyrone', 'Kevin', 'Ethan', 'Andrew', 'Robert', 'Marcus', 'Diego', 'Samuel'],
    last: ['Johnson', 'Williams', 'García', 'Rodríguez', 'Smith', 'Nguyen', 'Kim', 'Washington', 'Miller', 'Davis', 'Martínez', 'Cohen', 'Jackson', 'Lee'],
  },
  br: {
    f: ['Ana', 'Beatriz', 'Camila', 'Fernanda', 'Juliana', 'Letícia', 'Mariana', 'Luíza', 'Débora'],
    m: ['João', 'Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Thiago', 'Vinícius', 'André', 'Caio'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Gonçalves', 'Araújo', 'Conceição'],
  },
  in: {
    f: ['Priya', 'Ananya', 'Divya', 'Kavya', 'Lakshmi', 'Meera', 'Sneha', 'Aishwarya', 'Pooja', 'Nandini', 'Fatima'],
    m: ['Arjun', 'Rahul', 'Vikram', 'Rohan', 'Karthik', 'Aditya', 'Suresh', 'Rajesh', 'Sanjay', 'Aarav', 'Imran'],
    last: ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Patel', 'Gupta', 'Rao', 'Krishnan', 'Menon', 'Singh', 'Banerjee', 'Das', 'Qureshi'],
  },
  sg: {
    f: ['Mei Ling', 'Hui Min', 'Siti', 'Priya', 'Jia Hui', 'Nurul', 'Rachel', 'Xin Yi'],
    m: ['Wei Jie', 'Jun Hao', 'Muhammad', 'Ravi', 'Darren', 'Zhi Hao', 'Hafiz', 'Kelvin'],
    last: ['Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Goh', 'Chua', 'Rahman', 'Koh', 'Teo'],
  },
  au: {
    f: ['Charlotte', 'Ruby', 'Matilda', 'Zoë', 'Sienna', 'Chloe', 'Ngọc Anh', 'Jessica'],
    m: ['Jack', 'Liam', 'Noah', 'Cooper', 'Lachlan', 'Thomas', 'Minh', 'Hamish'],
    last: ['Smith', 'Nguyen', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Anderson', 'Thompson', 'Trần', 'Kelly'],
  },
};

type Dept = 'Engineering' | 'Data' | 'Product' | 'Sales' | 'Marketing' | 'Operations';

/** Departments: share of people, and the skills of the department with their popularity. */
const DEPARTMENTS: readonly { name: Dept; weight: number; skills: readonly (readonly [string, number])[] }[] = [
  {
    name: 'Engineering',
    weight: 30,
    skills: [['typescript', 10], ['react', 7], ['system design', 8], ['python', 6], ['aws', 6], ['kubernetes', 5], ['testing', 5], ['go', 4], ['security', 2], ['rust', 1]],
  },
  {
    name: 'Data',
    weight: 14,
    skills: [['sql', 10], ['python', 9], ['statistics', 6], ['machine learning', 6], ['data visualization', 5], ['generative ai', 2], ['spark', 2]],
  },
  {
    name: 'Product',
    weight: 12,
    skills: [['product discovery', 8], ['roadmapping', 7], ['stakeholder management', 6], ['user research', 6], ['ux design', 5], ['figma', 4], ['a/b testing', 4]],
  },
  {
    name: 'Sales',
    weight: 16,
    skills: [['negotiation', 9], ['account management', 7], ['enterprise sales', 6], ['public speaking', 6], ['salesforce', 5], ['storytelling', 4]],
  },
  {
    name: 'Marketing',
    weight: 12,
    skills: [['content strategy', 7], ['seo', 6], ['social media', 5], ['copywriting', 5], ['public speaking', 4], ['brand strategy', 4], ['data visualization', 2]],
  },
  {
    name: 'Operations',
    weight: 16,
    skills: [['project management', 9], ['excel', 8], ['budgeting', 6], ['process improvement', 6], ['vendor management', 4], ['people management', 4], ['supply chain', 3]],
  },
];

/** Skills anyone may have or want, whatever the department. */
const CROSS_SKILLS: readonly (readonly [string, number])[] = [
  ['people management', 4],
  ['public speaking', 3],
  ['stakeholder management', 3],
  ['sql', 2],
  ['python', 2],
  ['negotiation', 1],
  ['generative ai', 1],
];

/** Skills mentees want more often than mentors offer them: the scarce ones. */
const DEMAND_BOOST: Readonly<Record<string, number>> = {
  'generative ai': 4,
  'machine learning': 2.5,
  rust: 3,
  security: 2.5,
  kubernetes: 1.6,
  'people management': 2,
  'system design': 1.4,
};

const GOALS: readonly (readonly [string, number])[] = [
  ['leadership', 9],
  ['promotion', 7],
  ['technical depth', 7],
  ['career change', 4],
  ['public speaking', 4],
  ['first-time manager', 4],
  ['cross-team influence', 4],
  ['networking', 3],
  ['confidence', 3],
  ['work-life balance', 3],
  ['entrepreneurship', 1],
];

const INTERESTS: readonly (readonly [string, number])[] = [
  ['hiking', 6], ['running', 6], ['cooking', 6], ['reading', 6], ['travel', 5], ['photography', 4], ['board games', 4], ['music', 4],
  ['football', 4], ['yoga', 3], ['cycling', 3], ['gardening', 2], ['climbing', 2], ['chess', 2], ['volunteering', 2], ['sci-fi', 2],
];

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] as const;
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

/** The columns of the cohort format, in order. */
const COLUMNS = [
  'id', 'name', 'role', 'department', 'location', 'manager_id', 'seniority', 'time_zone', 'languages',
  'skills_offered', 'skills_wanted', 'goals', 'interests', 'availability', 'capacity', 'min_capacity', 'max_mentors',
  ...TRAITS, 'attr:gender', 'attr:site', 'attr:grade',
] as const;
type Column = (typeof COLUMNS)[number];

// --- People --------------------------------------------------------------------------

type Kind = 'mentor' | 'both' | 'reverse-mentor' | 'mentee' | 'executive';

interface Person {
  id: string;
  kind: Kind;
  department: Dept;
  office: Office;
  remote: boolean;
  seniority: number;
  managerId: string;
  row: Partial<Record<Column, string>>;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function fullName(rng: Rng, culture: Culture, gender: string): string {
  const pool = NAMES[culture];
  const femme = gender === 'female' || (gender !== 'male' && rng.chance(0.5));
  const first = rng.pick(femme ? pool.f : pool.m);
  const [masc, fem] = rng.pick(pool.last).split('|');
  const last = femme ? (fem ?? masc) : masc;
  if (culture === 'us' && !femme && rng.chance(0.08)) return `${first} ${last}, Jr.`;
  return `${first} ${last}`;
}

/** A name nobody in the cohort has yet, when one turns up in a few draws (large cohorts repeat names). */
function uniqueName(rng: Rng, culture: Culture, gender: string, used: Set<string>): string {
  let name = fullName(rng, culture, gender);
  for (let tries = 0; used.has(name) && tries < 20; tries++) name = fullName(rng, culture, gender);
  used.add(name);
  return name;
}

/** 1–3 weekdays with one slot each in local working hours, sometimes a second slot that day. */
function workingHours(rng: Rng): string {
  const days = rng.sample(DAYS.map((d) => [d, 1] as const), rng.weighted([[1, 2], [2, 5], [3, 3]]));
  days.sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  const slots: string[] = [];
  for (const day of days) {
    const length = rng.weighted([[30, 1], [60, 4], [90, 2], [120, 2]]);
    const morning = rng.chance(0.45);
    const both = rng.chance(0.2);
    if (morning || both) {
      const start = rng.int(16, 24 - length / 30) * 30; // 08:00 … ends by 12:00
      slots.push(`${day} ${clock(start)}-${clock(start + length)}`);
    }
    if (!morning || both) {
      const start = rng.int(26, 36 - length / 30) * 30; // 13:00 … ends by 18:00
      slots.push(`${day} ${clock(start)}-${clock(start + length)}`);
    }
  }
  return slots.join('; ');
}

function languagesOf(rng: Rng, office: Office): string {
  const own = office.languages.filter(([, p]) => rng.chance(p)).map(([l]) => l);
  // Most people list their first language before English.
  return (own.length > 0 && rng.chance(0.6) ? [...own, 'English'] : ['English', ...own]).join('; ');
}

function skillsFor(dept: Dept, demand: boolean): (readonly [string, number])[] {
  const own = DEPARTMENTS.find((d) => d.name === dept)!.skills;
  const merged = new Map<string, number>();
  for (const [s, w] of own) merged.set(s, w * 3);
  for (const [s, w] of CROSS_SKILLS) merged.set(s, (merged.get(s) ?? 0) + w);
  // Anything from another department, rarely (career changers, generalists).
  for (const d of DEPARTMENTS) for (const [s, w] of d.skills) merged.set(s, (merged.get(s) ?? 0) + w * 0.15);
  return [...merged].map(([s, w]) => [s, demand ? w * (DEMAND_BOOST[s] ?? 1) : w] as const);
}

const list = (rng: Rng, items: readonly (readonly [string, number])[], lo: number, hi: number): string =>
  rng.sample(items, rng.int(lo, hi)).join('; ');

interface Options {
  readonly mentors: number;
  readonly mentees: number;
  readonly seed: number;
}

/** The cohort as CSV rows (header first). */
function generateCohort({ mentors, mentees, seed }: Options): string[][] {
  const rng = new Rng(seed);
  const total = mentors + mentees;
  const kinds: Kind[] = [];
  for (let k = 0; k < mentors; k++) kinds.push(rng.chance(0.05) ? 'both' : rng.chance(0.1) ? 'reverse-mentor' : 'mentor');
  for (let k = 0; k < mentees; k++) kinds.push(rng.chance(0.04) ? 'executive' : 'mentee');
  // Shuffle (Fisher–Yates) so that ids do not give roles away.
  for (let k = kinds.length - 1; k > 0; k--) {
    const j = rng.int(0, k);
    [kinds[k], kinds[j]] = [kinds[j], kinds[k]];
  }
  const width = Math.max(4, String(total).length);
  const idOf = (k: number): string => `E${String(k + 1).padStart(width, '0')}`;

  const usedNames = new Set<string>();
  const people: Person[] = kinds.map((kind, k) => {
    const office = rng.weighted(OFFICES.map((o) => [o, o.weight] as const));
    const department = rng.weighted(DEPARTMENTS.map((d) => [d.name, d.weight] as const));
    const remote = rng.chance(0.08);
    const seniority =
      kind === 'mentor' ? rng.weighted([[3, 15], [4, 30], [5, 35], [6, 20]])
      : kind === 'both' ? rng.weighted([[3, 1], [4, 1]])
      : kind === 'reverse-mentor' ? rng.weighted([[1, 1], [2, 2]])
      : kind === 'executive' ? rng.weighted([[5, 2], [6, 1]])
      : rng.weighted([[1, 25], [2, 32], [3, 27], [4, 12], [5, 4]]);
    const gender = rng.weighted([['female', 46], ['male', 49], ['non-binary', 2], ['', 3]]);
    const isMentor = kind === 'mentor' || kind === 'both' || kind === 'reverse-mentor';
    const wantsMentor = kind === 'mentee' || kind === 'executive' || kind === 'both';

    const row: Partial<Record<Column, string>> = {
      id: idOf(k),
      name: uniqueName(rng, office.culture, gender, usedNames),
      role: kind === 'both' ? 'mentor;mentee' : isMentor ? 'mentor' : 'mentee',
      department,
      location: remote ? 'Remote' : office.city,
      seniority: String(seniority),
      time_zone: office.timeZone,
      languages: languagesOf(rng, office),
      'attr:gender': gender,
      'attr:site': remote ? 'remote' : office.site,
    };

    // Skills: mentors offer 2–5 at levels 3–5 (reverse mentors: generative AI, social media);
    // mentees want 1–3 at target levels 2–4, executives want what reverse mentors teach.
    const offer = skillsFor(department, false);
    const want = skillsFor(department, true);
    if (kind === 'reverse-mentor') {
      const fresh = rng.sample([['generative ai', 3], ['social media', 2]], rng.int(1, 2)).map((s) => `${s}:${rng.int(4, 5)}`);
      const own = rng.sample(offer, 1).map((s) => `${s}:3`);
      row.skills_offered = [...fresh, ...own.filter((s) => !fresh.some((f) => f.split(':')[0] === s.split(':')[0]))].join('; ');
    } else if (isMentor) {
      row.skills_offered = rng
        .sample(offer, rng.int(2, 5))
        .map((s) => `${s}:${Math.min(5, rng.weighted([[3, 3], [4, 4], [5, 3]]) + (seniority >= 5 && rng.chance(0.3) ? 1 : 0))}`)
        .join('; ');
    } else if (rng.chance(0.5)) {
      // Mentees know something too (peer programmes use it).
      row.skills_offered = rng.sample(offer, rng.int(1, 2)).map((s) => `${s}:${rng.int(2, 3)}`).join('; ');
    }
    if (kind === 'executive') {
      const fresh = rng.sample([['generative ai', 3], ['social media', 2]], rng.int(1, 2)).map((s) => `${s}:3`);
      row.skills_wanted = [...fresh, ...(rng.chance(0.4) ? ['stakeholder management:5'] : [])].join('; ');
    } else if (wantsMentor) {
      const offered = new Set((row.skills_offered ?? '').split('; ').map((s) => s.split(':')[0]));
      const wanted = rng.sample(want.filter(([s]) => !offered.has(s)), rng.weighted([[1, 3], [2, 5], [3, 2]]));
      row.skills_wanted = wanted.map((s) => `${s}:${rng.weighted([[2, 2], [3, 5], [4, 3], [5, 1]])}`).join('; ');
    }

    row.goals = isMentor && kind !== 'both' ? list(rng, GOALS, 1, 3) : rng.chance(0.05) ? '' : list(rng, GOALS, 1, 3);
    row.interests = rng.chance(0.1) ? '' : list(rng, INTERESTS, 1, 4);
    row.availability = rng.chance(0.07) ? '' : workingHours(rng);

    if (isMentor) {
      const withMinimum = rng.chance(0.1);
      const capacity = kind === 'reverse-mentor' ? rng.int(1, 2) : rng.weighted([[1, 25], [2, 35], [3, 25], [4, 15]]);
      row.capacity = String(capacity);
      if (capacity >= 2 && withMinimum) row.min_capacity = '1';
    }
    if (wantsMentor && kind !== 'both' && rng.chance(0.05)) row.max_mentors = '2';

    if (!rng.chance(0.05)) for (const t of TRAITS) row[t] = String(rng.normalInt(t === 'neuroticism' ? 42 : 55, 16, 0, 100));

    return { id: row.id!, kind, department, office, remote, seniority, managerId: '', row };
  });

  // Managers: more senior mentors of the same department (same office preferred), else
  // someone outside the cohort (an id starting with X), else not given.
  const managersOf = new Map<Dept, Person[]>();
  for (const p of people) {
    if ((p.kind === 'mentor' || p.kind === 'both') && p.seniority >= 4) managersOf.set(p.department, [...(managersOf.get(p.department) ?? []), p]);
  }
  const managing = new Set<string>();
  for (const p of people) {
    const above = (managersOf.get(p.department) ?? []).filter((m) => m.seniority > p.seniority);
    const local = above.filter((m) => m.office === p.office);
    const r = rng.float();
    if (above.length > 0 && r < (p.kind === 'mentee' ? 0.4 : 0.5)) {
      const m = rng.pick(local.length > 0 && rng.chance(0.8) ? local : above);
      p.managerId = m.id;
      managing.add(m.id);
    } else if (r < 0.88) p.managerId = `X${String(rng.int(1, 9999)).padStart(4, '0')}`;
  }
  for (const p of people) {
    p.row.manager_id = p.managerId;
    p.row['attr:grade'] = managing.has(p.id) || p.seniority === 6 || p.kind === 'executive' ? `M${Math.max(1, p.seniority - 3)}` : `IC${p.seniority}`;
  }

  placeHardCases(people);
  return [[...COLUMNS], ...people.map((p) => COLUMNS.map((c) => p.row[c] ?? ''))];
}

/**
 * Five people who are hard to match on purpose, written over regular rows at fixed
 * positions (a mentee who manages nobody; a mentor who manages nobody).
 */
function placeHardCases(people: Person[]): void {
  const managers = new Set(people.map((p) => p.managerId));
  const free = (kind: Kind) => people.filter((p) => p.kind === kind && !managers.has(p.id));
  const mentees = free('mentee');
  const mentors = free('mentor');
  if (mentees.length < 8 || mentors.length < 4) return; // tiny cohorts: no hard cases
  const at = (xs: Person[], f: number) => xs[Math.floor(f * xs.length)];
  const blank = (p: Person) => {
    for (const t of TRAITS) p.row[t] = '';
    p.row.min_capacity = '';
    p.row.max_mentors = '';
  };
  const set = (p: Person, values: Partial<Record<Column, string>>) => {
    blank(p);
    Object.assign(p.row, values);
  };
  // Speaks only Japanese.
  set(at(mentees, 0.13), {
    name: 'Haruto Satō', department: 'Engineering', location: 'Remote', time_zone: 'Asia/Tokyo', languages: '日本語', seniority: '2',
    skills_offered: 'go:3', skills_wanted: 'kubernetes:4; system design:3', goals: 'technical depth', interests: 'climbing; photography',
    availability: 'Tue 10:00-12:00; Thu 10:00-12:00', 'attr:gender': 'male', 'attr:site': 'remote', 'attr:grade': 'IC2', manager_id: 'X0042',
  });
  // Free only on Sunday at dawn.
  set(at(mentees, 0.37), {
    name: 'Ingrid Ødegaard', department: 'Operations', location: 'Berlin', time_zone: 'Europe/Berlin', languages: 'English; Deutsch; Norsk', seniority: '3',
    skills_wanted: 'budgeting:4; people management:3', goals: 'first-time manager; work-life balance', interests: 'running',
    availability: 'Sun 05:00-05:30', 'attr:gender': 'female', 'attr:site': 'hq', 'attr:grade': 'IC3', manager_id: 'X0815',
  });
  // Wants skills nobody offers, from the far side of the world.
  set(at(mentees, 0.58), {
    name: 'Tavita Faleolo', department: 'Operations', location: 'Remote', time_zone: 'Pacific/Auckland', languages: 'English; Gagana Samoa', seniority: '4',
    skills_offered: 'excel:3', skills_wanted: 'cobol:5; mainframe:4', goals: 'technical depth; career change', interests: 'rugby; music',
    availability: 'Mon 08:00-09:30; Wed 08:00-09:00', 'attr:gender': 'male', 'attr:site': 'remote', 'attr:grade': 'IC4', manager_id: 'X0300',
  });
  // A VP: nobody in the cohort is more senior.
  set(at(mentees, 0.81), {
    name: 'Adaeze Okonkwo-Hartmann', department: 'Sales', location: 'London', time_zone: 'Europe/London', languages: 'English; Igbo', seniority: '6',
    skills_wanted: 'board governance:5; stakeholder management:5', goals: 'leadership; networking', interests: 'chess; travel',
    availability: 'Tue 08:00-09:00; Fri 16:00-17:00', 'attr:gender': 'female', 'attr:site': 'hub', 'attr:grade': 'M3', manager_id: '',
  });
  // A mentor free only on Saturday night.
  set(at(mentors, 0.45), {
    name: 'Bartholomew Finch-Hatton', department: 'Marketing', location: 'London', time_zone: 'Europe/London', languages: 'English', seniority: '5',
    skills_offered: 'brand strategy:5; copywriting:5', goals: 'leadership', interests: 'sailing', availability: 'Sat 21:00-22:00',
    capacity: '2', 'attr:gender': 'male', 'attr:site': 'hub', 'attr:grade': 'IC5', manager_id: '',
  });
}

// --- CLI --------------------------------------------------------------------------------

function parseArgs(argv: readonly string[]): Options & { out: string } {
  const args = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const flag = argv[k];
    if (!['--mentors', '--mentees', '--seed', '--out', '--people'].includes(flag) || argv[k + 1] === undefined) {
      throw new Error(`usage: npx tsx examples/generate-cohort.ts [--mentors 60] [--mentees 150] [--seed 42] [--out FILE] [--people N]; found ${JSON.stringify(flag)}`);
    }
    args.set(flag, argv[++k]);
  }
  const count = (flag: string, fallback: number, min: number): number => {
    const v = args.has(flag) ? Number(args.get(flag)) : fallback;
    if (!Number.isInteger(v) || v < min) throw new Error(`${flag}: expected an integer ≥ ${min}; found ${args.get(flag)}`);
    return v;
  };
  const people = args.has('--people') ? count('--people', 0, 2) : undefined;
  const mentors = people !== undefined ? Math.round(people / 5) : count('--mentors', 60, 1);
  const mentees = people !== undefined ? people - mentors : count('--mentees', 150, 1);
  const out = args.get('--out') ?? (people !== undefined ? `bench/.data/cohort-${people}.csv` : 'examples/data/cohort.csv');
  return { mentors, mentees, seed: count('--seed', 42, 0), out };
}

const options = parseArgs(process.argv.slice(2));
const rows = generateCohort(options);
mkdirSync(dirname(options.out), { recursive: true });
writeFileSync(options.out, stringify(rows));

const data = rows.slice(1);
const col = (name: Column) => COLUMNS.indexOf(name);
const tally = (name: Column) => {
  const counts = new Map<string, number>();
  for (const r of data) counts.set(r[col(name)], (counts.get(r[col(name)]) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k || '(none)'} ${n}`).join(', ');
};
console.log(`${data.length} people (${options.mentors} mentors, ${options.mentees} mentees, seed ${options.seed}) → ${options.out}`);
console.log(`role:       ${tally('role')}`);
console.log(`department: ${tally('department')}`);
console.log(`time zone:  ${tally('time_zone')}`);
console.log(`site:       ${tally('attr:site')}`);

/*
Output (npx tsx examples/generate-cohort.ts):

210 people (60 mentors, 150 mentees, seed 42) → examples/data/cohort.csv
role:       mentee 150, mentor 56, mentor;mentee 4
department: Engineering 64, Sales 38, Data 30, Operations 30, Marketing 25, Product 23
time zone:  Europe/Berlin 59, Europe/London 34, America/New_York 33, Asia/Kolkata 27, America/Sao_Paulo 17, Europe/Warsaw 14, Asia/Singapore 13, Australia/Sydney 11, Asia/Tokyo 1, Pacific/Auckland 1
site:       hub 142, hq 54, remote 14
*/
