import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sceneProse, type Prose } from '../src/studio/player/scene-prose';

/** Prose as plain text: links in «», paragraphs apart. */
const plain = (prose: Prose) =>
  prose.map((runs) => runs.map((r) => (r.link ? `«${r.text}»` : r.text)).join('')).join('\n\n');

test('a line of links alone is a menu: the choice buttons say it, the prose does not', () => {
  const text = 'The river runs loud.\n[[Wait on the bank->Bank]]\n[[Run across->Far side]]';
  assert.equal(plain(sceneProse(text)), 'The river runs loud.');
});

test('a link inside a sentence keeps its words, marked, in every Twine syntax', () => {
  assert.equal(
    plain(sceneProse('You could [[go north->North]] or [[South<-head south]] or [[rest|Camp]].')),
    'You could «go north» or «head south» or «rest».',
  );
  assert.equal(
    plain(
      sceneProse('Then (link-goto: "leave", "Exit") quietly, or <<link "stay" "Home">><</link>>.'),
    ),
    'Then «leave» quietly, or «stay».',
  );
});

test('macros and tags go, variables print their value, paragraphs stay apart', () => {
  const text =
    "(set: $courage to 2)You feel ''brave''. (if: $courage > 1)[Courage: $courage.]<br>Next line.\n\n<<set $x to 1>>A new paragraph. $unknown";
  assert.equal(
    plain(sceneProse(text, new Map([['courage', 2]]))),
    'You feel brave. Courage: 2.\nNext line.\n\nA new paragraph.',
  );
});

test('a macro string holding a parenthesis does not end the macro early', () => {
  assert.equal(plain(sceneProse('(print: "a ) b")Done.')), 'Done.');
});
