/**
 * 名额分配 Split `total` whole units (e.g. grids) among parties in proportion to `weights`, with
 * every party receiving at least `minimum` (largest-remainder / Hamilton method).
 *
 * Parties whose proportional quota falls below the minimum are pinned to it and the rest is
 * re-apportioned among the others, so the floor never distorts the larger parties' shares more
 * than necessary. Remainder ties go to the earlier party, which keeps the result deterministic.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  if (weights.length * minimum > total) {
    throw new Error(`cannot give ${weights.length} parties at least ${minimum} of ${total}`);
  }
  const pinned = new Array<boolean>(weights.length).fill(false);
  let quotas = quotasFor(total, weights, minimum, pinned);
  while (quotas.some((quota, i) => !pinned[i] && quota < minimum)) {
    quotas.forEach((quota, i) => {
      if (quota < minimum) pinned[i] = true;
    });
    quotas = quotasFor(total, weights, minimum, pinned);
  }
  return roundLargestRemainder(total, quotas);
}

function quotasFor(total: number, weights: readonly number[], minimum: number, pinned: boolean[]): number[] {
  const free = total - minimum * pinned.filter(Boolean).length;
  const freeWeight = weights.reduce((sum, weight, i) => (pinned[i] ? sum : sum + weight), 0);
  return weights.map((weight, i) => (pinned[i] ? minimum : (free * weight) / freeWeight));
}

function roundLargestRemainder(total: number, quotas: number[]): number[] {
  const seats = quotas.map(Math.floor);
  const left = total - seats.reduce((sum, seat) => sum + seat, 0);
  const byRemainder = quotas
    .map((quota, i) => ({ i, remainder: quota - Math.floor(quota) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (let k = 0; k < left; k++) seats[byRemainder[k].i]++;
  return seats;
}
