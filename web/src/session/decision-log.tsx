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
        <ol role="log" aria-live="polite" className="log" data-testid="decision-log">
          {[...decisions].reverse().map((decision) => (
            <li key={`${decision.at}-${decision.param}`}>
              <time dateTime={new Date(decision.at).toISOString()}>
                {new Date(decision.at).toLocaleTimeString()}
              </time>{' '}
              {decision.reason}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
