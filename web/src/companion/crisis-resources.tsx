import { crisisLinesFor, type CrisisLine } from './crisis-lines';

/**
 * The crisis resources, first and large: the companion's fixed text and every line it names
 * as a tap-to-call link (and a text link where the line takes texts). Shown before anything
 * else of the reply, so nobody in a crisis has to read past a chat reply to find a number.
 */
export function CrisisResources({
  locale,
  text,
  graphLines,
}: {
  locale: string | null;
  text: string;
  /** The lines the graph's safety action names (once the answer is in): the source of truth. */
  graphLines?: ReadonlyArray<
    Pick<CrisisLine, 'number' | 'label' | 'emergency'> & { tel: string; sms?: string | null }
  >;
}) {
  const lines = graphLines?.length ? graphLines : crisisLinesFor(locale, text);
  const korean = locale === 'ko';
  return (
    <section
      className="crisis"
      aria-label={korean ? '지금 도움을 받을 수 있는 곳' : 'Help right now'}
      data-testid="crisis"
    >
      <h3>{korean ? '지금 바로 도움을 받을 수 있어요' : 'You can talk to someone right now'}</h3>
      {lines.length > 0 && (
        <ul className="crisis-lines">
          {lines.map((line) => (
            <li key={line.number}>
              <a href={line.tel} className={line.emergency ? 'call emergency' : 'call'}>
                {korean ? `${line.number}에 전화` : `Call ${line.number}`}
              </a>
              {line.sms && (
                <a href={line.sms} className="call">
                  {korean ? `${line.number}에 문자` : `Text ${line.number}`}
                </a>
              )}
              <span>{line.label}</span>
            </li>
          ))}
        </ul>
      )}
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index} className="crisis-text">
            {paragraph}
          </p>
        ))}
    </section>
  );
}
