/**
 * A node:test reporter beside `spec`: writes every skipped test (file, name, reason) as one
 * JSON line to its destination, so `npm test` can say how many were skipped and why, and CI
 * can refuse a run that skipped any (a skipped test proves nothing). Plain JavaScript: the
 * test runner loads reporters before `--import tsx` applies.
 *
 * @param {AsyncIterable<{ type: string; data: { skip?: string | boolean; name: string; file?: string } }>} source
 */
export default async function* skipReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { skip, name, file } = event.data;
    if (skip === undefined || skip === false) continue;
    yield `${JSON.stringify({ file: file ?? '', name, reason: skip === true ? '' : skip })}\n`;
  }
}
