import type { MemoryUse } from './use-conversation';

/** How a memory was found, in words. */
const VIA: Record<string, string> = {
  vector: 'by meaning',
  keyword: 'by your words',
  graph: 'through the people and places in it',
};

export const viaInWords = (via: readonly string[]) =>
  via.map((path) => VIA[path] ?? path).join(', ');

export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Beside a reply: the memories it drew on, and where each came from. */
export function MemoriesUsed({
  uses,
  conversationId,
}: {
  uses: readonly MemoryUse[];
  conversationId: string | null;
}) {
  const shown = uses.filter((use) => use.memory);
  if (shown.length === 0) return null;
  return (
    <aside
      className="memories-used"
      aria-label="Memories this reply used"
      data-testid="memories-used"
    >
      <h4>Remembered</h4>
      <ul>
        {shown.map(({ memory, via }) => (
          <li key={memory!.id}>
            <q>{memory!.text}</q>
            <span className="muted">
              {' '}
              You said this{' '}
              {memory!.conversationId === conversationId
                ? 'earlier in this conversation'
                : 'in an earlier conversation'}
              , {when(memory!.recordedAt)}; found {viaInWords(via)}.
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
