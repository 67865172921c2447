import { GraphFailure, plainMessage } from '../../lib/graph/errors';

/** A refusal as the graph coded it: what went wrong, the field it concerns and what is allowed. */
export interface CodedProblem {
  title: string;
  message: string;
  code: string | null;
  field: string | null;
  allowed: string | null;
}

export function codedProblem(title: string, caught: unknown): CodedProblem {
  if (caught instanceof GraphFailure) {
    const first = caught.errors[0];
    return {
      title,
      // The graph's own sentence: the plain-words version repeats the field and what is allowed.
      message: first?.message ?? caught.plain,
      code: first?.extensions?.code ?? caught.code,
      field: first?.extensions?.field ?? null,
      allowed: first?.extensions?.allowed ?? null,
    };
  }
  return { title, message: plainMessage(caught), code: null, field: null, allowed: null };
}

/** The problem in words first, then its code, field and what is allowed, for the author to act on. */
export function CodedError({ problem }: { problem: CodedProblem | null }) {
  if (!problem) return null;
  return (
    <div role="alert" className="coded-error" data-testid="coded-error">
      <p className="error">
        {problem.title}: {problem.message}
      </p>
      {(problem.code ?? problem.field ?? problem.allowed) && (
        <dl>
          {problem.code && (
            <>
              <dt>Code</dt>
              <dd>
                <code data-testid="error-code">{problem.code}</code>
              </dd>
            </>
          )}
          {problem.field && (
            <>
              <dt>Field</dt>
              <dd>
                <code data-testid="error-field">{problem.field}</code>
              </dd>
            </>
          )}
          {problem.allowed && (
            <>
              <dt>Expected</dt>
              <dd>{problem.allowed}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}
