/**
 * A Bloom filter of case ids: "certainly not a case" or "perhaps a case". The background builds one of every
 * stored case id and alias and hands it to a content script once; the script then asks the background only
 * about posts the filter lets through, so scrolling past posts that are not cases (nearly all) costs no message.
 * About 10 bits per id and 7 probes: roughly 1 in 100 of the posts that are not cases still asks.
 */
import type { CaseId } from './case-id';

/** The filter as it travels in a message (plain JSON): the bit array in base64 and the number of probes. */
export interface IdFilterData {
  bits: string;
  probes: number;
}

const BITS_PER_ID = 10;
const PROBES = 7;
const MIN_BITS = 256;

/** FNV-1a (32 bits) with a seed: two of these give every probe (Kirsch–Mitzenmacher double hashing). */
function fnv(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class IdFilter {
  private constructor(
    private readonly words: Uint32Array,
    private readonly probes: number,
  ) {}

  /** A filter sized for `ids` (and somewhat more), holding them. */
  static of(ids: Iterable<CaseId>, expected = 0): IdFilter {
    const list = [...ids];
    const bits = Math.max(MIN_BITS, Math.ceil((Math.max(list.length, expected) * BITS_PER_ID) / 32) * 32);
    const filter = new IdFilter(new Uint32Array(bits / 32), PROBES);
    for (const id of list) filter.add(id);
    return filter;
  }

  /** The filter sent as `data`; null when the data is malformed (then there is no filter: every post asks). */
  static from(data: IdFilterData): IdFilter | null {
    let binary: string;
    try {
      binary = atob(data.bits);
    } catch {
      return null;
    }
    if (binary.length === 0 || binary.length % 4 !== 0 || !Number.isInteger(data.probes) || data.probes < 1 || data.probes > 16) return null;
    const words = new Uint32Array(binary.length / 4);
    for (let i = 0; i < words.length; i++) {
      words[i] = (binary.charCodeAt(4 * i) | (binary.charCodeAt(4 * i + 1) << 8) | (binary.charCodeAt(4 * i + 2) << 16) | (binary.charCodeAt(4 * i + 3) << 24)) >>> 0;
    }
    return new IdFilter(words, data.probes);
  }

  get data(): IdFilterData {
    let binary = '';
    for (const w of this.words) binary += String.fromCharCode(w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24);
    return { bits: btoa(binary), probes: this.probes };
  }

  add(id: CaseId): void {
    this.each(id, (word, mask) => {
      this.words[word]! |= mask;
      return true;
    });
  }

  /** False: certainly not among the ids added. True: perhaps. */
  has(id: CaseId): boolean {
    return this.each(id, (word, mask) => (this.words[word]! & mask) !== 0);
  }

  private each(id: string, probe: (word: number, mask: number) => boolean): boolean {
    const size = this.words.length * 32;
    const a = fnv(id, 0);
    const b = fnv(id, 0x5bd1e995) | 1;
    for (let i = 0; i < this.probes; i++) {
      const bit = (a + Math.imul(i, b)) >>> 0;
      const at = bit % size;
      if (!probe(at >>> 5, 1 << (at & 31))) return false;
    }
    return true;
  }
}
