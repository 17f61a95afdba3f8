import { randomBytes } from 'node:crypto';

// Crockford's base32, the ULID alphabet: sortable as text, no ambiguous letters.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODES = Array.from(ALPHABET, (char) => char.charCodeAt(0));

let lastTime = 0;
// The random part of the last id, incremented in place within one millisecond.
const lastRandom = new Uint8Array(10);
// Random bytes are drawn 4 KiB at a time: one CSPRNG call per ~400 ids instead of one each.
let pool = Buffer.alloc(0);
let poolOffset = 0;
// The 26 character codes of the id being built: one string is allocated per id, nothing else.
const digits: number[] = new Array(26).fill(0);

function refillRandom(): void {
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  lastRandom.set(pool.subarray(poolOffset, poolOffset + 10));
  poolOffset += 10;
}

/** Adds one to the 80-bit random part (wrapping to zero after all ones, as before). */
function incrementRandom(): void {
  for (let i = lastRandom.length - 1; i >= 0; i--) {
    if (lastRandom[i] < 255) {
      lastRandom[i]++;
      return;
    }
    lastRandom[i] = 0;
  }
}

/**
 * A monotonic ULID: 48 bits of milliseconds then 80 random bits, 26 characters.
 * Within one millisecond the random part is incremented, so ids made by this process
 * sort in creation order, which is what cursors and ordered delivery rely on.
 * Built with plain number arithmetic (no BigInt, no intermediate strings): ids are made
 * by the thousand per emitted batch.
 */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    incrementRandom();
  } else {
    lastTime = now;
    refillRandom();
  }
  // 48 bits of time as 10 base32 digits (the first digit holds the 3 highest); exact in a double.
  let t = lastTime % 2 ** 48;
  for (let i = 9; i >= 0; i--) {
    const digit = t % 32;
    digits[i] = CODES[digit];
    t = (t - digit) / 32;
  }
  // 80 random bits as 16 digits: each 5 bytes are 40 bits, 8 digits.
  for (let half = 0; half < 2; half++) {
    const b = half * 5;
    const high = lastRandom[b] * 4 + (lastRandom[b + 1] >> 6); // top 10 bits
    const low = ((lastRandom[b + 1] & 63) * 2 ** 24) + lastRandom[b + 2] * 65536 + lastRandom[b + 3] * 256 + lastRandom[b + 4]; // 30 bits
    const at = 10 + half * 8;
    digits[at] = CODES[high >> 5];
    digits[at + 1] = CODES[high & 31];
    digits[at + 2] = CODES[(low >>> 25) & 31];
    digits[at + 3] = CODES[(low >>> 20) & 31];
    digits[at + 4] = CODES[(low >>> 15) & 31];
    digits[at + 5] = CODES[(low >>> 10) & 31];
    digits[at + 6] = CODES[(low >>> 5) & 31];
    digits[at + 7] = CODES[low & 31];
  }
  return String.fromCharCode.apply(null, digits);
}

/** A prefixed, sortable id such as `evt_01J…`; the prefix tells a reader what it names. */
export function newId(prefix: 'hook' | 'evt' | 'dlv' | 'att' | 'key'): string {
  return `${prefix}_${ulid()}`;
}
