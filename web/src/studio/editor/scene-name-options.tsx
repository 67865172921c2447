'use client';

import { memo, useMemo } from 'react';

const SHOWN = 30;

/**
 * Suggestions for a scene-name field (find, link to): the names matching what is typed, names
 * starting with it first. A few at a time: a datalist of thousands is thousands of DOM nodes.
 */
export const SceneNameOptions = memo(function SceneNameOptions({
  id,
  names,
  typed,
}: {
  id: string;
  names: readonly string[];
  typed: string;
}) {
  const matches = useMemo(() => {
    const wanted = typed.trim().toLowerCase();
    if (!wanted) return [];
    const starting: string[] = [];
    const containing: string[] = [];
    for (const name of names) {
      const lower = name.toLowerCase();
      if (lower.startsWith(wanted)) starting.push(name);
      else if (lower.includes(wanted)) containing.push(name);
      if (starting.length >= SHOWN) break;
    }
    return [...starting, ...containing].slice(0, SHOWN);
  }, [names, typed]);
  return (
    <datalist id={id}>
      {matches.map((name) => (
        <option key={name} value={name} />
      ))}
    </datalist>
  );
});
