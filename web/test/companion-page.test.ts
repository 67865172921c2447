/**
 * The companion page's pure parts: the crisis lines it makes callable (checked against the
 * companion's own fixed resources, so a changed number cannot go unnoticed here) and reading
 * a streamed reply aloud sentence by sentence.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
// The companion's reviewed crisis text and lines (not exported by its package: read at source).
import {
  CRISIS_LINES as COMPANION_LINES,
  crisisResponse,
} from '../../subgraphs/companion/src/safety/resources.js';
import {
  CRISIS_LINES,
  crisisLinesFor,
  opensWithCrisisText,
  splitCrisis,
} from '../src/companion/crisis-lines';
import { ReadAloud } from '../src/companion/speech';

test("the web app's crisis lines are the companion's numbers and links", () => {
  for (const locale of ['en', 'ko'] as const)
    assert.deepEqual(
      CRISIS_LINES[locale].map(({ number, tel, sms, emergency }) => ({
        number,
        tel,
        sms,
        emergency,
      })),
      COMPANION_LINES[locale].map(({ number, tel, sms, emergency }) => ({
        number,
        tel,
        sms,
        emergency,
      })),
      locale,
    );
});

test('every crisis text splits off first and names callable lines', () => {
  for (const locale of ['en', 'ko'] as const)
    for (const level of ['concern', 'elevated', 'imminent'] as const)
      for (const subject of ['self', 'other'] as const) {
        const crisis = crisisResponse({ level, subject, locale, reasons: [] } as never);
        const firstPiece = `${crisis.text}\n\n`;
        const reply = `${firstPiece}I'm here with you.`;
        assert.ok(opensWithCrisisText(firstPiece), `${locale} ${level} ${subject}`);
        assert.deepEqual(splitCrisis(reply, firstPiece), {
          crisis: crisis.text,
          rest: "I'm here with you.",
        });
        // Without the stream's first piece (a reply read back whole), the paragraphs still split.
        const { crisis: found } = splitCrisis(reply);
        assert.ok(found.length > 0 && crisis.text.startsWith(found.slice(0, 20)));
        const named = crisisLinesFor(null, crisis.text).map((line) => line.number);
        assert.ok(named.length > 0, `${locale} ${level} ${subject} names a line`);
        for (const number of named)
          assert.ok(COMPANION_LINES[locale].some((line) => line.number === number));
      }
  assert.deepEqual(
    crisisLinesFor('en', '').map((l) => l.tel),
    ['tel:988', 'tel:911'],
  );
  assert.equal(opensWithCrisisText('You told me you live in Busan.'), false);
  assert.equal(splitCrisis('You live in room 1190.').crisis, '');
});

test('a streamed reply is read aloud a sentence at a time, the rest when it is complete', () => {
  const spoken: string[] = [];
  const scope = globalThis as unknown as Record<string, unknown>;
  class Utterance {
    lang = '';
    onstart: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  scope.SpeechSynthesisUtterance = Utterance;
  scope.window = {
    speechSynthesis: {
      speak: (u: Utterance) => {
        spoken.push(u.text);
        u.onstart?.();
      },
      cancel: () => undefined,
    },
  };
  try {
    const firstWords: number[] = [];
    const reader = new ReadAloud('en-US', (at) => firstWords.push(at));
    reader.add('You told me ');
    assert.deepEqual(spoken, []);
    reader.add('you live in Busan. How is');
    assert.deepEqual(spoken, ['You told me you live in Busan.']);
    reader.add(' the sea');
    reader.finish('You told me you live in Busan. How is the sea today?');
    assert.deepEqual(spoken, ['You told me you live in Busan.', 'How is the sea today?']);
    assert.equal(firstWords.length, 1);
  } finally {
    delete scope.window;
    delete scope.SpeechSynthesisUtterance;
  }
});
