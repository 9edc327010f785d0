/**
 * Cohorts for the quality benchmark: the committed sample CSV, any CSV given with
 * `--cohort`, and seeded synthetic cohorts of several shapes, each built as participant
 * JSON (the HR-export shape) and read through `parseParticipants`, as a user's data is.
 *
 * Shapes (sizes of the full run; `--quick` divides them by 4, at least 200 people):
 * - `many-languages` (1,500): eleven offices and ten languages (each office its own, New
 *   York and London share English; names spelt as HR exports do: `Deutsch`, `German`,
 *   `中文`); most people speak one or two; English is not universal (a fifth to a third
 *   outside New York and London).
 * - `scarce-skills` (1,000): a long tail of 160 skills with Zipf popularity; mentees lean
 *   towards the tail, so several wanted skills have only 1–2 mentors; capacity 1–3;
 *   levels matter (targets 2–5).
 * - `sparse-availability` (600): one or two short slots (30–60 min) a week, some in the
 *   evening or at the weekend, in 13 time zones from Honolulu to Auckland.
 * - `balanced-large` (5,000): 4 mentees per mentor (about 4,000 × 1,000), capacity 3–6,
 *   eight offices, working-hours availability: a typical large programme.
 * - `tight-capacity` (400): three mentees per mentor, capacity 1–2: fewer places than
 *   mentees, so who gets a mentor matters.
 *
 * Everyone has a department, an office (location and IANA zone), a seniority 1–6, goals
 * and interests; 70% a Big Five profile; mentors with seniority ≥ 4 manage people of
 * their department, and about a third of mentees report to a mentor in the cohort (the
 * default reporting-line rule then forbids that pair). A few people leave skills,
 * languages or availability empty, as in a real export.
 *
 * Deterministic: mulberry32 seeded with the seed (`--seed`, default {@link DEFAULT_SEED})
 * mixed with the shape's name.
 */
import { readFileSync } from 'node:fs';
import { parseCohortCsv } from '../../src/csv.js';
import { parseParticipants, type Participant, type ParticipantInput } from '../../src/index.js';

/** The seed of the recorded run. */
export const DEFAULT_SEED = 2026;

/** A cohort to measure. */
export interface Cohort {
  readonly name: string;
  /** One line on what it is (for the notes). */
  readonly about: string;
  readonly participants: readonly Participant[];
}

// --- random numbers -------------------------------------------------------------------

/** mulberry32: floats in [0, 1). */
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

/** FNV-1a of a string, to mix a shape's name into the seed. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
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
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
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
  /** k distinct items, weighted. */
  sample<T>(items: readonly (readonly [T, number])[], k: number): T[] {
    const pool = items.filter(([, w]) => w > 0).map(([x, w]) => [x, w] as [T, number]);
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
  normalInt(mean: number, sd: number, lo: number, hi: number): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2;
    return Math.max(lo, Math.min(hi, Math.round(mean + sd * z)));
  }
}

// --- the world -------------------------------------------------------------------------

interface Office {
  readonly city: string;
  readonly timeZone: string;
  readonly weight: number;
  /** Languages with the share of people there who speak them (as an HR export spells them). */
  readonly languages: readonly (readonly [string, number])[];
}

const GLOBAL_OFFICES: readonly Office[] = [
  { city: 'Berlin', timeZone: 'Europe/Berlin', weight: 22, languages: [['English', 0.85], ['Deutsch', 0.8], ['Türkçe', 0.05]] },
  { city: 'London', timeZone: 'Europe/London', weight: 14, languages: [['English', 1], ['French', 0.08], ['Hindi', 0.05]] },
  { city: 'New York', timeZone: 'America/New_York', weight: 16, languages: [['English', 1], ['Español', 0.2]] },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo', weight: 8, languages: [['Português', 0.97], ['English', 0.75], ['es', 0.25]] },
  { city: 'Bengaluru', timeZone: 'Asia/Kolkata', weight: 14, languages: [['English', 0.95], ['Hindi', 0.6], ['Kannada', 0.3]] },
  { city: 'Singapore', timeZone: 'Asia/Singapore', weight: 9, languages: [['English', 0.95], ['Mandarin', 0.5], ['Malay', 0.15]] },
  { city: 'Sydney', timeZone: 'Australia/Sydney', weight: 6, languages: [['English', 1], ['Mandarin', 0.06]] },
  { city: 'Warsaw', timeZone: 'Europe/Warsaw', weight: 9, languages: [['Polski', 0.95], ['English', 0.8], ['German', 0.12]] },
];

/** One language per office; English only where it is the office language (or as a second language). */
const MULTILINGUAL_OFFICES: readonly Office[] = [
  { city: 'New York', timeZone: 'America/New_York', weight: 10, languages: [['English', 1], ['Spanish', 0.15]] },
  { city: 'Mexico City', timeZone: 'America/Mexico_City', weight: 9, languages: [['Español', 1], ['English', 0.3]] },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo', weight: 9, languages: [['Português', 1], ['Spanish', 0.2], ['English', 0.25]] },
  { city: 'Paris', timeZone: 'Europe/Paris', weight: 10, languages: [['Français', 1], ['English', 0.35]] },
  { city: 'Berlin', timeZone: 'Europe/Berlin', weight: 11, languages: [['Deutsch', 1], ['English', 0.4], ['Türkçe', 0.06]] },
  { city: 'Warsaw', timeZone: 'Europe/Warsaw', weight: 8, languages: [['Polski', 1], ['German', 0.15], ['English', 0.3]] },
  { city: 'Istanbul', timeZone: 'Europe/Istanbul', weight: 8, languages: [['Türkçe', 1], ['English', 0.3], ['German', 0.08]] },
  { city: 'Cairo', timeZone: 'Africa/Cairo', weight: 7, languages: [['العربية', 1], ['English', 0.35], ['French', 0.1]] },
  { city: 'Tokyo', timeZone: 'Asia/Tokyo', weight: 10, languages: [['日本語', 1], ['English', 0.2]] },
  { city: 'Shanghai', timeZone: 'Asia/Shanghai', weight: 10, languages: [['中文', 1], ['English', 0.3]] },
  { city: 'London', timeZone: 'Europe/London', weight: 8, languages: [['English', 1], ['Hindi', 0.06], ['French', 0.08]] },
];

/** Around the world: 13 zones, UTC−10 to UTC+13. */
const WORLD_OFFICES: readonly Office[] = [
  { city: 'Honolulu', timeZone: 'Pacific/Honolulu', weight: 3, languages: [['English', 1]] },
  { city: 'Los Angeles', timeZone: 'America/Los_Angeles', weight: 10, languages: [['English', 1], ['Spanish', 0.2]] },
  { city: 'Chicago', timeZone: 'America/Chicago', weight: 7, languages: [['English', 1]] },
  { city: 'New York', timeZone: 'America/New_York', weight: 10, languages: [['English', 1], ['Spanish', 0.15]] },
  { city: 'São Paulo', timeZone: 'America/Sao_Paulo', weight: 7, languages: [['English', 0.8], ['Portuguese', 1]] },
  { city: 'London', timeZone: 'Europe/London', weight: 10, languages: [['English', 1]] },
  { city: 'Lagos', timeZone: 'Africa/Lagos', weight: 6, languages: [['English', 1], ['Yoruba', 0.4]] },
  { city: 'Berlin', timeZone: 'Europe/Berlin', weight: 9, languages: [['English', 0.9], ['German', 0.9]] },
  { city: 'Dubai', timeZone: 'Asia/Dubai', weight: 5, languages: [['English', 1], ['Arabic', 0.4]] },
  { city: 'Bengaluru', timeZone: 'Asia/Kolkata', weight: 10, languages: [['English', 1], ['Hindi', 0.5]] },
  { city: 'Singapore', timeZone: 'Asia/Singapore', weight: 8, languages: [['English', 1], ['Mandarin', 0.4]] },
  { city: 'Tokyo', timeZone: 'Asia/Tokyo', weight: 6, languages: [['English', 0.7], ['Japanese', 1]] },
  { city: 'Auckland', timeZone: 'Pacific/Auckland', weight: 4, languages: [['English', 1]] },
];

const DEPARTMENTS = ['Engineering', 'Data', 'Product', 'Sales', 'Marketing', 'Operations', 'Finance', 'People'] as const;
type Dept = (typeof DEPARTMENTS)[number];

/** Department skills with their popularity (the `balanced` catalogue). */
const DEPT_SKILLS: Readonly<Record<Dept, readonly (readonly [string, number])[]>> = {
  Engineering: [['typescript', 10], ['react', 7], ['system design', 8], ['python', 6], ['aws', 6], ['kubernetes', 5], ['testing', 5], ['go', 4], ['security', 2], ['rust', 1]],
  Data: [['sql', 10], ['python', 9], ['statistics', 6], ['machine learning', 6], ['data visualization', 5], ['generative ai', 2], ['spark', 2]],
  Product: [['product discovery', 8], ['roadmapping', 7], ['stakeholder management', 6], ['user research', 6], ['ux design', 5], ['figma', 4]],
  Sales: [['negotiation', 9], ['account management', 7], ['enterprise sales', 6], ['public speaking', 6], ['salesforce', 5], ['storytelling', 4]],
  Marketing: [['content strategy', 7], ['seo', 6], ['social media', 5], ['copywriting', 5], ['brand strategy', 4], ['public speaking', 3]],
  Operations: [['project management', 9], ['excel', 8], ['budgeting', 6], ['process improvement', 6], ['vendor management', 4], ['supply chain', 3]],
  Finance: [['financial modelling', 8], ['excel', 8], ['budgeting', 7], ['forecasting', 6], ['accounting', 5], ['tax', 2]],
  People: [['people management', 8], ['coaching', 7], ['recruiting', 6], ['employment law', 3], ['facilitation', 5], ['public speaking', 3]],
};
const CROSS_SKILLS: readonly (readonly [string, number])[] = [['people management', 4], ['public speaking', 3], ['stakeholder management', 3], ['sql', 2], ['python', 2], ['generative ai', 1]];
/** Wanted more often than offered. */
const DEMAND_BOOST: Readonly<Record<string, number>> = { 'generative ai': 4, 'machine learning': 2.5, rust: 3, security: 2.5, kubernetes: 1.6, 'people management': 2, 'system design': 1.4, tax: 3, 'employment law': 2.5 };

/** The long tail: 160 skills, popularity ∝ 1/rank; each department has its own slice. */
const TAIL_SKILLS: readonly string[] = (() => {
  const base = [
    'typescript', 'python', 'sql', 'excel', 'public speaking', 'negotiation', 'project management', 'people management', 'react', 'aws',
    'statistics', 'budgeting', 'roadmapping', 'seo', 'copywriting', 'figma', 'kubernetes', 'system design', 'machine learning', 'go',
    'salesforce', 'coaching', 'recruiting', 'forecasting', 'accounting', 'user research', 'ux design', 'storytelling', 'security', 'rust',
    'spark', 'tableau', 'power bi', 'terraform', 'graphql', 'java', 'kotlin', 'swift', 'c++', 'scala', 'elixir', 'haskell', 'ocaml',
    'webassembly', 'embedded systems', 'fpga', 'computer vision', 'nlp', 'reinforcement learning', 'causal inference', 'bayesian statistics',
    'time series', 'mlops', 'data engineering', 'dbt', 'airflow', 'kafka', 'postgres internals', 'distributed systems', 'sre', 'chaos engineering',
    'observability', 'incident management', 'threat modelling', 'penetration testing', 'cryptography', 'identity and access', 'compliance', 'gdpr',
    'sox', 'tax', 'transfer pricing', 'treasury', 'm&a', 'investor relations', 'procurement', 'supply chain', 'logistics', 'lean', 'six sigma',
    'change management', 'okrs', 'facilitation', 'design thinking', 'service design', 'accessibility', 'localisation', 'technical writing',
    'developer relations', 'community building', 'partnerships', 'channel sales', 'pricing', 'product analytics', 'growth', 'crm', 'hubspot',
    'paid search', 'brand strategy', 'pr', 'crisis communication', 'video production', 'podcasting', 'employment law', 'dei', 'compensation',
    'workforce planning', 'learning design', 'mentoring', 'executive presence', 'board governance', 'strategy', 'scenario planning', 'unit economics',
    'mainframe', 'cobol', 'sap', 'oracle ebs', 'erp migration', 'quantum computing', 'robotics', 'iot', 'edge computing', 'blockchain',
    'game design', 'unity', 'unreal', 'audio dsp', 'geospatial', 'bioinformatics', 'clinical trials', 'regulatory affairs', 'medical devices',
    'energy markets', 'carbon accounting', 'esg reporting', 'sustainability', 'circular economy', 'urban planning', 'legal tech', 'contract law',
    'patents', 'trademark', 'export control', 'customs', 'fleet management', 'warehouse automation', 'demand planning', 'category management',
    'retail analytics', 'merchandising', 'e-commerce', 'payments', 'fraud detection', 'risk modelling', 'actuarial science', 'insurance pricing',
  ];
  return base.slice(0, 160);
})();

const GOALS: readonly (readonly [string, number])[] = [
  ['leadership', 9], ['promotion', 7], ['technical depth', 7], ['career change', 4], ['public speaking', 4], ['first-time manager', 4],
  ['cross-team influence', 4], ['networking', 3], ['confidence', 3], ['work-life balance', 3], ['entrepreneurship', 1],
];
const INTERESTS: readonly (readonly [string, number])[] = [
  ['hiking', 6], ['running', 6], ['cooking', 6], ['reading', 6], ['travel', 5], ['photography', 4], ['board games', 4], ['music', 4],
  ['football', 4], ['yoga', 3], ['cycling', 3], ['gardening', 2], ['climbing', 2], ['chess', 2], ['volunteering', 2], ['sci-fi', 2],
];
const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jun', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoë'];
const LAST = ['Abe', 'Banerjee', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ito', 'Jovanović', 'Kowalska', 'Li', 'Mensah', 'Nguyen', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Wong', 'Yilmaz', 'Zhou'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

// --- shapes ------------------------------------------------------------------------------

type SkillModel = 'departments' | 'long-tail';
type AvailabilityModel = 'working-hours' | 'sparse';

interface Shape {
  readonly name: string;
  readonly about: string;
  readonly people: number;
  /** Share of mentors among people. */
  readonly mentorShare: number;
  readonly offices: readonly Office[];
  readonly skills: SkillModel;
  readonly availability: AvailabilityModel;
  readonly capacity: readonly (readonly [number, number])[];
  /** Languages per person beyond the office's draw: cap on how many are kept. */
  readonly maxLanguages: number;
}

/** The generated shapes, in report order. */
export const SHAPES: readonly Shape[] = [
  {
    name: 'many-languages',
    about: '11 offices, 10 languages, most people speak 1–2, English not universal',
    people: 1500,
    mentorShare: 0.25,
    offices: MULTILINGUAL_OFFICES,
    skills: 'departments',
    availability: 'working-hours',
    capacity: [[1, 2], [2, 4], [3, 3], [4, 1]],
    maxLanguages: 2,
  },
  {
    name: 'scarce-skills',
    about: 'long tail of 160 skills (Zipf), mentees lean to the tail, capacity 1–3',
    people: 1000,
    mentorShare: 0.25,
    offices: GLOBAL_OFFICES,
    skills: 'long-tail',
    availability: 'working-hours',
    capacity: [[1, 4], [2, 4], [3, 2]],
    maxLanguages: 3,
  },
  {
    name: 'sparse-availability',
    about: '1–2 slots of 30–60 min a week (some evenings, weekends), 13 zones UTC−10…+13',
    people: 600,
    mentorShare: 0.25,
    offices: WORLD_OFFICES,
    skills: 'departments',
    availability: 'sparse',
    capacity: [[1, 2], [2, 4], [3, 3], [4, 1]],
    maxLanguages: 2,
  },
  {
    name: 'balanced-large',
    about: '4 mentees per mentor, capacity 3–6, 8 offices, working hours',
    people: 5000,
    mentorShare: 0.2,
    offices: GLOBAL_OFFICES,
    skills: 'departments',
    availability: 'working-hours',
    capacity: [[3, 2], [4, 4], [5, 3], [6, 1]],
    maxLanguages: 3,
  },
  {
    name: 'tight-capacity',
    about: '3 mentees per mentor, capacity 1–2: fewer places than mentees',
    people: 400,
    mentorShare: 0.25,
    offices: GLOBAL_OFFICES,
    skills: 'departments',
    availability: 'working-hours',
    capacity: [[1, 1], [2, 1]],
    maxLanguages: 3,
  },
];

// --- people ------------------------------------------------------------------------------

const pad = (n: number): string => String(n).padStart(2, '0');
const clock = (m: number): string => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;

function skillWeights(shape: Shape, dept: Dept, demand: boolean): (readonly [string, number])[] {
  const deptIndex = DEPARTMENTS.indexOf(dept);
  if (shape.skills === 'long-tail') {
    // Zipf over the catalogue; a department prefers its own slice of 20 skills. Demand
    // flattens the curve (mentees ask for tail skills more often than mentors have them).
    return TAIL_SKILLS.map((s, r) => {
      const own = Math.floor(r / 20) === deptIndex ? 4 : 1;
      const w = demand ? 1 / Math.sqrt(r + 1) : 1 / (r + 1);
      return [s, w * own] as const;
    });
  }
  const merged = new Map<string, number>();
  for (const [s, w] of DEPT_SKILLS[dept]) merged.set(s, w * 3);
  for (const [s, w] of CROSS_SKILLS) merged.set(s, (merged.get(s) ?? 0) + w);
  for (const d of DEPARTMENTS) for (const [s, w] of DEPT_SKILLS[d]) merged.set(s, (merged.get(s) ?? 0) + w * 0.15);
  return [...merged].map(([s, w]) => [s, demand ? w * (DEMAND_BOOST[s] ?? 1) : w] as const);
}

function availabilityOf(rng: Rng, model: AvailabilityModel): string[] {
  const slots: string[] = [];
  if (model === 'sparse') {
    const n = rng.weighted([[1, 5], [2, 4]]);
    for (let k = 0; k < n; k++) {
      const day = rng.weighted(DAYS.map((d, i) => [d, i < 5 ? 4 : 1] as const));
      const length = rng.weighted([[30, 4], [45, 2], [60, 3]]);
      // Working hours mostly, some early mornings and evenings.
      const half = rng.weighted([[rng.int(14, 16), 2], [rng.int(16, 34), 6], [rng.int(36, 43), 2]]);
      const start = Math.min(half * 30, 1440 - length);
      slots.push(`${day} ${clock(start)}-${clock(start + length)}`);
    }
    return slots;
  }
  const days = rng.sample(DAYS.slice(0, 5).map((d) => [d, 1] as const), rng.weighted([[1, 2], [2, 5], [3, 3]]));
  for (const day of days) {
    const length = rng.weighted([[30, 1], [60, 4], [90, 2], [120, 2]]);
    const start = rng.chance(0.45) ? rng.int(16, 24 - length / 30) * 30 : rng.int(26, 36 - length / 30) * 30;
    slots.push(`${day} ${clock(start)}-${clock(start + length)}`);
  }
  return slots;
}

function languagesOf(rng: Rng, office: Office, max: number): string[] {
  const own = office.languages.filter(([, p]) => rng.chance(p)).map(([l]) => l);
  if (own.length === 0) own.push(office.languages[0][0]);
  return own.slice(0, max);
}

interface Draft {
  input: ParticipantInput & { roles: string[] };
  dept: Dept;
  office: Office;
  seniority: number;
  mentor: boolean;
}

/** The participant JSON of one shape (before parsing). */
export function generateInputs(shape: Shape, seed: number, people = shape.people): ParticipantInput[] {
  const rng = new Rng((hash32(shape.name) ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
  const mentors = Math.round(people * shape.mentorShare);
  const width = String(people).length;
  const drafts: Draft[] = [];
  for (let k = 0; k < people; k++) {
    // Roles are interleaved by the shuffle below; 3% of mentors are also mentees.
    const mentor = k < mentors;
    const both = mentor && rng.chance(0.03);
    const office = rng.weighted(shape.offices.map((o) => [o, o.weight] as const));
    const dept = rng.pick(DEPARTMENTS);
    const seniority = mentor ? rng.weighted([[3, 15], [4, 30], [5, 35], [6, 20]]) : rng.weighted([[1, 25], [2, 32], [3, 27], [4, 12], [5, 4]]);
    const input: Draft['input'] = {
      id: '',
      name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`,
      roles: both ? ['mentor', 'mentee'] : [mentor ? 'mentor' : 'mentee'],
      department: dept,
      location: rng.chance(0.06) ? 'Remote' : office.city,
      seniority,
      timeZone: office.timeZone,
      languages: rng.chance(0.03) ? [] : languagesOf(rng, office, shape.maxLanguages),
      goals: rng.sample(GOALS, rng.int(1, 3)),
      interests: rng.chance(0.1) ? [] : rng.sample(INTERESTS, rng.int(1, 4)),
      availability: rng.chance(0.05) ? [] : availabilityOf(rng, shape.availability),
      attributes: { gender: rng.weighted([['female', 46], ['male', 49], ['non-binary', 2], ['', 3]]) || null, site: office.city === 'Berlin' ? 'hq' : 'hub' },
    };
    if (mentor) {
      const levels: readonly (readonly [number, number])[] = shape.skills === 'long-tail' ? [[2, 1], [3, 3], [4, 4], [5, 3]] : [[3, 3], [4, 4], [5, 3]];
      input.skillsOffered = rng.sample(skillWeights(shape, dept, false), rng.int(2, 5)).map((s) => `${s}:${rng.weighted(levels)}`);
      input.capacity = rng.weighted(shape.capacity);
    } else if (rng.chance(0.4)) {
      input.skillsOffered = rng.sample(skillWeights(shape, dept, false), rng.int(1, 2)).map((s) => `${s}:${rng.int(2, 3)}`);
    }
    if (!mentor || both) {
      const offered = new Set((input.skillsOffered as string[] | undefined ?? []).map((s) => s.split(':')[0]));
      const pool = skillWeights(shape, dept, true).filter(([s]) => !offered.has(s));
      const targets: readonly (readonly [number, number])[] = shape.skills === 'long-tail' ? [[2, 2], [3, 4], [4, 3], [5, 2]] : [[2, 2], [3, 5], [4, 3], [5, 1]];
      input.skillsWanted = rng.chance(0.03) ? [] : rng.sample(pool, rng.weighted([[1, 3], [2, 5], [3, 2]])).map((s) => (rng.chance(0.08) ? s : `${s}:${rng.weighted(targets)}`));
      if (rng.chance(0.04)) input.maxMentors = 2;
    }
    if (rng.chance(0.7)) input.personality = Object.fromEntries(TRAITS.map((t) => [t, rng.normalInt(t === 'neuroticism' ? 42 : 55, 16, 0, 100)]));
    drafts.push({ input, dept, office, seniority, mentor });
  }
  // Shuffle so ids do not give roles away, then number them.
  for (let k = drafts.length - 1; k > 0; k--) {
    const j = rng.int(0, k);
    [drafts[k], drafts[j]] = [drafts[j], drafts[k]];
  }
  drafts.forEach((d, k) => (d.input.id = `${shape.name.slice(0, 2).toUpperCase()}${String(k + 1).padStart(width, '0')}`));
  // Managers: a more senior mentor of the same department (same office preferred), else
  // someone outside the cohort, else none.
  const seniorMentors = new Map<Dept, Draft[]>();
  for (const d of drafts) if (d.mentor && d.seniority >= 4) seniorMentors.set(d.dept, [...(seniorMentors.get(d.dept) ?? []), d]);
  for (const d of drafts) {
    const above = (seniorMentors.get(d.dept) ?? []).filter((m) => m.seniority > d.seniority && m !== d);
    const local = above.filter((m) => m.office === d.office);
    const r = rng.float();
    if (above.length > 0 && r < (d.mentor ? 0.45 : 0.35)) d.input.managerId = rng.pick(local.length > 0 && rng.chance(0.8) ? local : above).input.id;
    else if (r < 0.9) d.input.managerId = `X${String(rng.int(1, 9999)).padStart(4, '0')}`;
  }
  return drafts.map((d) => d.input);
}

/** A generated cohort, parsed. */
export function generatedCohort(shape: Shape, seed: number, quick: boolean): Cohort {
  const people = quick ? Math.max(200, Math.round(shape.people / 4)) : shape.people;
  const participants = parseParticipants(generateInputs(shape, seed, people));
  return { name: shape.name, about: `${people.toLocaleString('en')} people, ${shape.about}; seed ${seed}`, participants };
}

/** A cohort CSV (the sample, or `--cohort FILE`); rows with issues are left out, as the CLI does. */
export function csvCohort(path: string, name: string): Cohort {
  const r = parseCohortCsv(readFileSync(path, 'utf8'));
  const errors = r.issues.filter((i) => i.severity === 'error').length;
  const about = `${path}: ${r.participants.length} of ${r.rows} rows loaded${errors ? `, ${errors} row issue${errors === 1 ? '' : 's'}` : ''}`;
  return { name, about, participants: r.participants };
}
