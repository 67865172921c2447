/** Histogram bin for the mode, per Baevsky. */
const BIN_MS = 50;

/**
 * Baevsky's stress index, SI = AMo / (2 · Mo · MxDMn): AMo the share (%) of intervals in the
 * modal 50 ms bin, Mo that bin's centre (s), MxDMn the range of intervals (s). Reported as is
 * (Kubios reports its square root). Rises when the rhythm becomes rigid, i.e. under stress.
 */
export function stressIndex(nn: readonly number[]): number | undefined {
  if (nn.length < 10) return undefined;
  const counts = new Map<number, number>();
  for (const rr of nn) {
    const bin = Math.floor(rr / BIN_MS);
    counts.set(bin, (counts.get(bin) ?? 0) + 1);
  }
  let modeBin = 0;
  let modeCount = 0;
  for (const [bin, count] of counts) {
    if (count > modeCount || (count === modeCount && bin < modeBin))
      [modeBin, modeCount] = [bin, count];
  }
  const mo = ((modeBin + 0.5) * BIN_MS) / 1000;
  const amo = (100 * modeCount) / nn.length;
  const range = (Math.max(...nn) - Math.min(...nn)) / 1000;
  return range > 0 ? amo / (2 * mo * range) : undefined;
}
