import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** One source edit: `from` must occur exactly once in `file`, and becomes `to`. */
interface Edit {
  file: string;
  from: string;
  to: string;
}

/**
 * Our edits to FerretDB v1.24.0's SQLite backend (decision 0033). Each names what it fixes;
 * the build stops if the source no longer reads as expected, rather than build something else.
 * Bump PATCH_LEVEL when they change, so a binary built without them is not reused.
 */
export const PATCH_LEVEL = 4;

const ID_LOOKUP_FILTER = `	if params.Filter.Len() == 1 {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
`;
// An _id equality beside other conditions narrows the rows as well: every caller of Query
// filters what comes back by the whole filter again (an update's {_id, version} was a scan).
// A filter naming _id twice is left alone: Get panics on a repeated key.
const ID_LOOKUP_NARROWS = `	if params.Filter.Len() == 1 || (params.Filter.Len() > 1 && !hasRepeatedKey(params.Filter)) {
		v, _ := params.Filter.Get("_id")
		switch v.(type) {
		case string, types.ObjectID:
`;

const EDITS: Edit[] = [
  {
    // Lookups by _id used the path '$._id' while the _id index is on ->"_id": the same value,
    // but SQLite only uses an expression index for the same expression, so every find, update
    // and delete by _id scanned and parsed the whole table.
    file: 'internal/backends/sqlite/metadata/metadata.go',
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + "->'_id'"`,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: `	// TODO https://github.com/FerretDB/FerretDB/issues/3235
${ID_LOOKUP_FILTER}			whereClause`,
    to: `	// TODO https://github.com/FerretDB/FerretDB/issues/3235
${ID_LOOKUP_NARROWS}			whereClause`,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: `// check interfaces
`,
    to: `// hasRepeatedKey reports whether a key occurs more than once in the filter.
func hasRepeatedKey(filter *types.Document) bool {
	_, repeated := filter.FindDuplicateKey()
	return repeated
}

// check interfaces
`,
  },
  {
    file: 'internal/backends/sqlite/collection.go',
    from: `${ID_LOOKUP_FILTER}			filterPushdown = true`,
    to: `${ID_LOOKUP_NARROWS}			filterPushdown = params.Filter.Len() == 1`,
  },
];

/** Applies EDITS to the FerretDB source tree at `source`; throws at the first that misses. */
export async function patchFerretDb(source: string): Promise<void> {
  for (const { file, from, to } of EDITS) {
    const path = join(source, file);
    const text = await readFile(path, 'utf8');
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new Error(
        `FerretDB's source is not as expected in ${file}: cannot apply MindScape's edit (see ferretdb/src/patches.ts).`,
      );
    }
    await writeFile(path, text.slice(0, at) + to + text.slice(at + from.length));
  }
}
