/** Numbers as runs: [2, 5, 14, 15, 16, 17] -> "2, 5, 14–17" (DH groups offered by a tunnel). */
export function numberRanges(values: readonly number[]): string {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    // Two neighbours read better as a list than as a range.
    if (j - i >= 2) runs.push(`${sorted[i]}–${sorted[j]}`);
    else runs.push(...sorted.slice(i, j + 1).map(String));
    i = j + 1;
  }
  return runs.join(", ");
}
