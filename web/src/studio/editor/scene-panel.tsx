'use client';

import { useId, useState } from 'react';
import { SceneNameOptions } from './scene-name-options';
import type { Choice, Scene } from './story-model';

export interface SceneFields {
  name: string;
  text: string;
  tags: string[];
  isEnding: boolean;
}

export interface ChoiceRule {
  condition: string | null;
  recommendWhen: string | null;
  effects: string | null;
}

export interface ScenePanelProps {
  scene: Scene;
  isStart: boolean;
  /** Every scene's name, sorted: linking by name from the keyboard suggests them. */
  sceneNames: readonly string[];
  nameFieldId: string;
  onSave(changed: Partial<SceneFields>): void;
  onSetStart(): void;
  onDelete(): void;
  onLink(targetName: string): void;
  onRule(choice: Choice, rule: ChoiceRule): void;
  onGoTo(targetName: string): void;
}

const fieldsOf = (scene: Scene): SceneFields => ({
  name: scene.name,
  text: scene.text,
  tags: scene.tags,
  isEnding: scene.isEnding,
});

const tagsOf = (words: string) =>
  words
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);

/**
 * The selected scene: name, text with its links, tags, ending; its choices with their rules;
 * linking to another scene by name; making it the start. What the author typed stays while a
 * co-author's change to the same scene arrives (they are told, and choose when to save).
 */
export function ScenePanel(props: ScenePanelProps) {
  const { scene } = props;
  const [basis, setBasis] = useState(scene);
  const [fields, setFields] = useState(() => fieldsOf(scene));
  const [tagWords, setTagWords] = useState(scene.tags.join(' '));
  const [linkTarget, setLinkTarget] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const listId = useId();

  const dirty =
    fields.name !== basis.name ||
    fields.text !== basis.text ||
    fields.isEnding !== basis.isEnding ||
    tagsOf(tagWords).join(' ') !== basis.tags.join(' ');
  // The scene changed on the graph: take it in unless the author is in the middle of an edit.
  const changedElsewhere = scene !== basis;
  if (changedElsewhere && !dirty) {
    setBasis(scene);
    setFields(fieldsOf(scene));
    setTagWords(scene.tags.join(' '));
  }

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const tags = tagsOf(tagWords);
    const changed: Partial<SceneFields> = {};
    if (fields.name !== scene.name) changed.name = fields.name.trim();
    if (fields.text !== scene.text) changed.text = fields.text;
    if (fields.isEnding !== scene.isEnding) changed.isEnding = fields.isEnding;
    if (tags.join(' ') !== scene.tags.join(' ')) changed.tags = tags;
    setBasis(scene);
    if (Object.keys(changed).length) props.onSave(changed);
  };

  const link = (event: React.FormEvent) => {
    event.preventDefault();
    const target = linkTarget.trim();
    if (!target) return;
    props.onLink(target);
    setLinkTarget('');
  };

  return (
    <section className="scene-panel card" aria-labelledby="scene-panel-title">
      <h2 id="scene-panel-title">Scene “{scene.name}”</h2>
      {changedElsewhere && dirty && (
        <p className="note" role="status">
          A co-author changed this scene while you were editing. Saving keeps your words; the editor
          tells you if the story moved on.
        </p>
      )}
      <form onSubmit={save} className="stack">
        <label htmlFor={props.nameFieldId}>Name</label>
        <input
          id={props.nameFieldId}
          value={fields.name}
          onChange={(e) => setFields({ ...fields, name: e.target.value })}
          required
        />
        <label htmlFor={`${listId}-text`}>Text (links: [[Target]], [[words-&gt;Target]])</label>
        <textarea
          id={`${listId}-text`}
          value={fields.text}
          rows={8}
          onChange={(e) => setFields({ ...fields, text: e.target.value })}
        />
        <label htmlFor={`${listId}-tags`}>Tags (space separated)</label>
        <input
          id={`${listId}-tags`}
          value={tagWords}
          onChange={(e) => setTagWords(e.target.value)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={fields.isEnding}
            onChange={(e) => setFields({ ...fields, isEnding: e.target.checked })}
          />
          An ending
        </label>
        <div className="actions">
          <button type="submit" disabled={!dirty}>
            Save scene
          </button>
          <button type="button" onClick={props.onSetStart} disabled={props.isStart}>
            {props.isStart ? 'The start scene' : 'Make it the start'}
          </button>
          {confirmingDelete ? (
            <>
              <button type="button" className="danger" onClick={props.onDelete}>
                Delete “{scene.name}”
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmingDelete(true)}>
              Delete…
            </button>
          )}
        </div>
      </form>

      <form onSubmit={link} className="link-form">
        <label htmlFor={`${listId}-link`}>Link to scene</label>
        <input
          id={`${listId}-link`}
          list={`${listId}-names`}
          value={linkTarget}
          onChange={(e) => setLinkTarget(e.target.value)}
          autoComplete="off"
        />
        <SceneNameOptions id={`${listId}-names`} names={props.sceneNames} typed={linkTarget} />
        <button type="submit">Add link</button>
      </form>

      <h3>Choices</h3>
      {scene.choices.length === 0 ? (
        <p className="muted">No links yet: readers stop here.</p>
      ) : (
        <ol className="choices">
          {scene.choices.map((choice) => (
            <ChoiceRow
              key={`${choice.id}:${choice.condition}:${choice.recommendWhen}:${choice.effects}`}
              choice={choice}
              onRule={(rule) => props.onRule(choice, rule)}
              onGoTo={() => props.onGoTo(choice.targetName)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function ChoiceRow({
  choice,
  onRule,
  onGoTo,
}: {
  choice: Choice;
  onRule(rule: ChoiceRule): void;
  onGoTo(): void;
}) {
  const [condition, setCondition] = useState(choice.condition ?? '');
  const [recommendWhen, setRecommendWhen] = useState(choice.recommendWhen ?? '');
  const [effects, setEffects] = useState(choice.effects ?? '');
  const id = useId();
  const orNull = (words: string) => (words.trim() === '' ? null : words.trim());
  return (
    <li className="choice">
      <p>
        <button type="button" className="link" onClick={onGoTo}>
          {choice.text && choice.text !== choice.targetName ? `${choice.text} ` : ''}→{' '}
          {choice.targetName}
        </button>{' '}
        {choice.kind === 'REDIRECT' && <span className="muted">(moves on by itself)</span>}
      </p>
      <details>
        <summary>Rule and effects</summary>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            onRule({
              condition: orNull(condition),
              recommendWhen: orNull(recommendWhen),
              effects: orNull(effects),
            });
          }}
        >
          <label htmlFor={`${id}-condition`}>Offered while (e.g. stress &gt;= 0.6)</label>
          <input
            id={`${id}-condition`}
            value={condition}
            onChange={(e) => setCondition(e.target.value)}
          />
          <label htmlFor={`${id}-recommend`}>Recommended while</label>
          <input
            id={`${id}-recommend`}
            value={recommendWhen}
            onChange={(e) => setRecommendWhen(e.target.value)}
          />
          <label htmlFor={`${id}-effects`}>Effects (e.g. courage = courage + 1)</label>
          <input
            id={`${id}-effects`}
            value={effects}
            onChange={(e) => setEffects(e.target.value)}
          />
          <button type="submit">Save rule</button>
        </form>
      </details>
    </li>
  );
}
