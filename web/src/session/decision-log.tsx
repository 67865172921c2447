import type { Decision } from '@mindscape/audio-worklets/controller';

/** What the controller changed in the sound, and why: newest first. */
export function DecisionLog({ decisions }: { decisions: readonly Decision[] }) {
  return (
    <section aria-labelledby="log-title" className="card">
      <h2 id="log-title">Why the sound changed</h2>
      {decisions.length === 0 ? (
        <p className="muted">
          No changes yet: the sound follows the program until your body leads it.
        </p>
      ) : (
        // The log role on a wrapper keeps the list a list for screen readers; the wrapper
        // scrolls, so it takes keyboard focus (arrow keys scroll it).
        <div
          role="log"
          aria-live="polite"
          aria-labelledby="log-title"
          className="log"
          tabIndex={0}
          data-testid="decision-log"
        >
          <ol>
            {[...decisions].reverse().map((decision) => (
              <li key={`${decision.at}-${decision.param}`}>
                <time dateTime={new Date(decision.at).toISOString()}>
                  {new Date(decision.at).toLocaleTimeString()}
                </time>{' '}
                {decision.reason}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
