/** A round upper bound for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max` (1 for nothing). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** `count` + 1 evenly spaced ticks from 0 to `max`. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (max * index) / count);
}

/** Every n-th label so that at most `room` labels are shown along an axis. */
export function labelEvery(labels: number, room: number): number {
  return Math.max(1, Math.ceil(labels / room));
}
