/** Resolver maps of one subgraph, kept a file per concern, merged type by type. */
export function mergeResolvers(
  parts: ReadonlyArray<Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part))
      merged[type] = { ...merged[type], ...(fields as object) };
  }
  return merged;
}
