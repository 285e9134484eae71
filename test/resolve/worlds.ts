// Synthetic worlds with a known truth, built from a seeded generator so every run sees the same data.
import type { FuseClaim } from '../../src/resolve/types.js';

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle driven by `rnd`. */
export function shuffle<T>(items: readonly T[], rnd: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface CopyWorld {
  claims: FuseClaim[];
  truth: Map<string, string>;
  /** Items where the copied wrong value has more sources than the true one. */
  contested: string[];
}

/**
 * Three reliable independent sources (90 % right, their errors never coincide) against a sloppy
 * original (50 % right) and five copiers that copy it 80 % of the time (otherwise 90 % right on
 * their own). Where the original is wrong, its copies usually outnumber the truth.
 */
export function copyWorld(seed = 7, nItems = 200): CopyWorld {
  const rnd = random(seed);
  const claims: FuseClaim[] = [];
  const truth = new Map<string, string>();
  const contested: string[] = [];
  for (let i = 0; i < nItems; i++) {
    const subject = `item-${String(i).padStart(3, '0')}`;
    const t = `true-${i}`;
    truth.set(subject, t);
    const values = new Map<string, string>();
    for (const s of ['reliable-1', 'reliable-2', 'reliable-3']) values.set(s, rnd() < 0.9 ? t : `${s}-wrong-${i}`);
    const original = rnd() < 0.5 ? t : `original-wrong-${i}`;
    values.set('original', original);
    for (const s of ['copier-1', 'copier-2', 'copier-3', 'copier-4', 'copier-5']) values.set(s, rnd() < 0.8 ? original : rnd() < 0.9 ? t : `${s}-wrong-${i}`);
    for (const [source, value] of values) claims.push({ source, subject, attribute: 'value', value });
    const forTruth = [...values.values()].filter((v) => v === t).length;
    const forOriginal = [...values.values()].filter((v) => v === original).length;
    if (original !== t && forOriginal > forTruth) contested.push(subject);
  }
  return { claims, truth, contested };
}

export interface MinorityWorld {
  claims: FuseClaim[];
  truth: Map<string, string>;
  /** Items where the copied wrong value has the majority (every one of them, by construction). */
  contested: string[];
}

/**
 * Three reliable independent sources (always right) against an original that is wrong on 40 % of
 * the items and `copiers` sources that copy it verbatim: with three copiers or more the wrong
 * copies outvote the truth on every contested item, and no unsupervised method can tell the two
 * camps apart (each is self-consistent).
 */
export function minorityWorld(copiers = 3, nItems = 100): MinorityWorld {
  const claims: FuseClaim[] = [];
  const truth = new Map<string, string>();
  const contested: string[] = [];
  for (let i = 0; i < nItems; i++) {
    const subject = `item-${String(i).padStart(3, '0')}`;
    const t = `true-${i}`;
    truth.set(subject, t);
    const original = i % 5 < 2 ? `original-wrong-${i}` : t;
    if (original !== t) contested.push(subject);
    for (const s of ['reliable-1', 'reliable-2', 'reliable-3']) claims.push({ source: s, subject, attribute: 'value', value: t });
    claims.push({ source: 'original', subject, attribute: 'value', value: original });
    for (let k = 1; k <= copiers; k++) claims.push({ source: `copier-${k}`, subject, attribute: 'value', value: original });
  }
  return { claims, truth, contested };
}
