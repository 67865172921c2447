'use client';

import type { Finding } from './story-model';

/**
 * The story's findings after every change (each change carries them) or on demand. Choosing a
 * finding selects its scenes and brings them into view.
 */
export function ValidationPanel({
  findings,
  checked,
  onValidate,
  onShow,
}: {
  findings: readonly Finding[];
  checked: boolean;
  onValidate(): void;
  onShow(finding: Finding): void;
}) {
  return (
    <section className="validation-panel card" aria-labelledby="validation-title">
      <div className="panel-head">
        <h2 id="validation-title">Checks</h2>
        <button type="button" onClick={onValidate}>
          Validate
        </button>
      </div>
      {!checked ? (
        <p className="muted">Not checked yet.</p>
      ) : findings.length === 0 ? (
        <p className="ok">No problems found: every scene is reachable and every path ends.</p>
      ) : (
        <>
          <p>
            {findings.length} {findings.length === 1 ? 'finding' : 'findings'}
          </p>
          <ul className="findings" data-testid="findings">
            {findings.slice(0, 200).map((finding) => (
              <li key={finding.key}>
                <button
                  type="button"
                  className="finding"
                  data-kind={finding.kind}
                  disabled={finding.sceneIds.length === 0}
                  onClick={() => onShow(finding)}
                >
                  <span className="finding-kind">{finding.kind}</span> {finding.message}
                </button>
              </li>
            ))}
          </ul>
          {findings.length > 200 && (
            <p className="muted">…and {findings.length - 200} more; fix these first.</p>
          )}
        </>
      )}
    </section>
  );
}
