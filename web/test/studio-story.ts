/**
 * Generated Twine stories of any size for the studio's E2E test and benchmark: Twee 3 with
 * Twine positions, prose-like text and 1–3 links per passage, deterministic for a given seed.
 * No imports: the root benchmark (NodeNext) and the web tests (bundler resolution) share it.
 */

export interface GeneratedPassage {
  name: string;
  text: string;
  tags: string[];
  /** Twine's "x,y". */
  position: string;
}

export interface GeneratedStory {
  title: string;
  start: string;
  passages: GeneratedPassage[];
  /** The whole story as Twee 3 source. */
  twee: string;
}

const PLACES = [
  'Harbour',
  'Lighthouse',
  'Orchard',
  'Station',
  'Library',
  'Bridge',
  'Meadow',
  'Cellar',
  'Garden',
  'Ferry',
  'Market',
  'Chapel',
  'Tower',
  'Forest',
  'Quarry',
  'Well',
];
const SENTENCES = [
  'The wind carries salt and the smell of rain.',
  'Somewhere below, water knocks against old wood.',
  'You count four breaths in, hold, and let them go.',
  'A lamp flickers in a window that should be empty.',
  'Your heart slows as the path widens.',
  'Footsteps behind you stop when you stop.',
  'The map in your pocket has changed since morning.',
  'Someone has left a cup of tea, still warm.',
  'Gulls argue over something on the shore.',
  'The door is heavier than it looks.',
  'Light falls through the leaves in long bars.',
  'A bell rings twice, far away.',
];
const VERBS = ['Follow the lane', 'Open the gate', 'Go down', 'Wait a while', 'Turn back', 'Climb'];

/** A small, seedable generator (mulberry32): the same seed makes the same story. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isEnding = (i: number) => i % 25 === 24;

export const passageName = (i: number) => `${PLACES[i % PLACES.length]} ${i}`;

/**
 * A story of `size` passages laid out on a grid as Twine would place them; each passage links
 * to the next and to up to two others (mostly onward, now and then back), every 25th is an
 * ending, and the last passage is a deliberate dead end (no links, not an ending) so
 * validation has something to find.
 */
export function generatedStory(size: number, options: { title?: string; seed?: number } = {}) {
  const next = random(options.seed ?? size);
  const title = options.title ?? `Generated story of ${size} scenes`;
  const columns = Math.ceil(Math.sqrt(size) * 1.5);
  const passages: GeneratedPassage[] = [];
  for (let i = 0; i < size; i++) {
    const sentences = Array.from(
      { length: 2 + Math.floor(next() * 3) },
      () => SENTENCES[Math.floor(next() * SENTENCES.length)]!,
    ).join(' ');
    const deadEnd = i === size - 1;
    const ending = isEnding(i) && !deadEnd;
    const links: string[] = [];
    if (!ending && !deadEnd) {
      const count = 1 + Math.floor(next() * 3);
      // The first link leads on to the next passage (and past it when that one is an ending), so
      // every passage is reachable.
      links.push(`[[${VERBS[Math.floor(next() * VERBS.length)]!}->${passageName(i + 1)}]]`);
      if (isEnding(i + 1) && i + 2 < size) links.push(`[[${passageName(i + 2)}]]`);
      for (let k = 1; k < count; k++) {
        const back = i > 5 && next() < 0.1;
        const target = back
          ? Math.max(0, i - 1 - Math.floor(next() * 5))
          : Math.min(size - 1, i + 1 + Math.floor(next() * 12));
        links.push(`[[${passageName(target)}]]`);
      }
    }
    passages.push({
      name: passageName(i),
      text: `${sentences}\n\n${links.join('\n')}`.trim(),
      tags: ending ? ['ending'] : [],
      position: `${(i % columns) * 200 + 100},${Math.floor(i / columns) * 150 + 100}`,
    });
  }
  const start = passages[0]!.name;
  const data = {
    ifid: '3B5E2C1A-7F4D-4E8B-9A6C-2D1F0E9B8C7A',
    format: 'Harlowe',
    'format-version': '3.3.9',
    start,
    zoom: 1,
  };
  const twee = [
    `:: StoryTitle\n${title}`,
    `:: StoryData\n${JSON.stringify(data, null, 2)}`,
    ...passages.map(
      (p) =>
        `:: ${p.name}${p.tags.length ? ` [${p.tags.join(' ')}]` : ''} ${JSON.stringify({ position: p.position, size: '100,100' })}\n${p.text}`,
    ),
  ].join('\n\n');
  return { title, start, passages, twee } satisfies GeneratedStory;
}
