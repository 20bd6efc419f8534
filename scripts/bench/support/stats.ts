/** The few statistics the benchmarks print: nearest-rank, on a sorted copy. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The middle half of the values: from the lower to the upper quartile (nearest rank). */
export function middleHalf(values: number[]): [number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const last = sorted.length - 1;
  return [sorted[Math.floor(last / 4)]!, sorted[Math.ceil((3 * last) / 4)]!];
}
