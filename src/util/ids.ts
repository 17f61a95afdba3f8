import { randomBytes } from 'node:crypto';

// Crockford's base32, the ULID alphabet: sortable as text, no ambiguous letters.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = 0;
let lastRandom: Uint8Array = new Uint8Array(10);
// Random bytes are drawn 4 KiB at a time: one CSPRNG call per ~400 ids instead of one each.
let pool = Buffer.alloc(0);
let poolOffset = 0;

function randomTen(): Uint8Array {
  if (poolOffset + 10 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  poolOffset += 10;
  return pool.subarray(poolOffset - 10, poolOffset);
}

function encode(bytes: Uint8Array, length: number): string {
  // Read the bytes as one big-endian number and print its lowest `length` base32 digits.
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let out = '';
  for (let i = 0; i < length; i++) {
    out = ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

function increment(bytes: Uint8Array): Uint8Array {
  const next = Uint8Array.from(bytes);
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 255) {
      next[i]++;
      return next;
    }
    next[i] = 0;
  }
  return next;
}

/**
 * A monotonic ULID: 48 bits of milliseconds then 80 random bits, 26 characters.
 * Within one millisecond the random part is incremented, so ids made by this process
 * sort in creation order, which is what cursors and ordered delivery rely on.
 */
export function ulid(now: number = Date.now()): string {
  if (now <= lastTime) {
    lastRandom = increment(lastRandom);
  } else {
    lastTime = now;
    lastRandom = randomTen();
  }
  const time = new Uint8Array(6);
  let t = lastTime;
  for (let i = 5; i >= 0; i--) {
    time[i] = t % 256;
    t = Math.floor(t / 256);
  }
  return encode(time, 10) + encode(lastRandom, 16);
}

/** A prefixed, sortable id such as `evt_01J…`; the prefix tells a reader what it names. */
export function newId(prefix: 'hook' | 'evt' | 'dlv' | 'att' | 'key'): string {
  return `${prefix}_${ulid()}`;
}
