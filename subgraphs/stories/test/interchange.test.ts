import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passageLinks, passageVariables } from '../src/interchange/links.js';
import { validateSource } from '../src/interchange/source-graph.js';
import { StorySourceError } from '../src/interchange/story-source.js';
import { parseTwee, serializeTwee } from '../src/interchange/twee.js';
import { parseTwineHtml, serializeTwineHtml } from '../src/interchange/twine-html.js';

/** A small Harlowe story in Twee 3, with what real files carry: metadata, escapes, macros. */
const TWEE = `:: StoryTitle
The Quiet Lake


:: StoryData
{
  "ifid": "D674C58C-DEFA-4F70-B7A2-27742230C0FC",
  "format": "Harlowe",
  "format-version": "3.3.8",
  "start": "Shore",
  "tag-colors": { "calm": "green" },
  "zoom": 0.6,
  "x-custom": { "kept": true }
}


:: Shore [calm start] {"position":"100,100","size":"100,100"}
You stand at the shore. (set: $breaths to 0)
[[Walk to the pier->Pier]]
[[Sit down|Sit {quietly}]]
[[Boat<-Row out]]


:: Pier {"position":"300,100"}
The boards creak. (link-goto: "Look back", "Shore") (go-to: "Dusk")


:: Sit \\{quietly\\} [calm]
You breathe. (set: $breaths to it + 1) You have taken $breaths breaths.
\\:: not a header
[[Shore]]


:: Boat [ending]
The lake carries you home.


:: Dusk
Night falls. [[Boat]]
`;

describe('Twee 3', () => {
  test('headers, tags, metadata, escapes, StoryData with unknown keys', () => {
    const story = parseTwee(TWEE);
    assert.equal(story.title, 'The Quiet Lake');
    assert.equal(story.format, 'Harlowe');
    assert.equal(story.formatVersion, '3.3.8');
    assert.equal(story.start, 'Shore');
    assert.deepEqual(story.tagColors, { calm: 'green' });
    assert.deepEqual(story.extra, { zoom: 0.6, 'x-custom': { kept: true } });
    assert.deepEqual(
      story.passages.map((p) => p.name),
      ['Shore', 'Pier', 'Sit {quietly}', 'Boat', 'Dusk'],
    );
    const shore = story.passages[0]!;
    assert.deepEqual(shore.tags, ['calm', 'start']);
    assert.equal(shore.position, '100,100');
    assert.equal(shore.size, '100,100');
    assert.match(story.passages[2]!.text, /^:: not a header$/m);
  });

  test('export then import gives the same story', () => {
    const story = parseTwee(TWEE);
    assert.deepEqual(parseTwee(serializeTwee(story)), story);
  });

  test('broken files say what and where, and nothing is half-read', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /no passages/],
      ['hello\n:: A\ntext', /line 1: text before the first passage header/],
      [':: A\none\n:: A\ntwo', /line 3: a second passage named "A"/],
      [':: A {"position": 1,\ntext', /line 1: passage metadata is not JSON/],
      [':: StoryData\n{ not json\n:: A\nx', /line 1: StoryData is not JSON/],
      [':: \ntext', /line 1: a passage header without a name/],
    ];
    for (const [source, message] of cases) {
      assert.throws(
        () => parseTwee(source),
        (error: unknown) => {
          assert.ok(error instanceof StorySourceError);
          assert.match((error as Error).message, message);
          return true;
        },
      );
    }
  });
});

describe('Twine 2 HTML', () => {
  test('Twee → Twine HTML → Twee keeps every passage, tag, position and StoryData key', () => {
    const story = parseTwee(TWEE);
    const [back] = parseTwineHtml(serializeTwineHtml(story));
    assert.deepEqual(
      { ...back!, extra: back!.extra },
      {
        ...story,
        // HTML attributes are strings: StoryData values come back as text.
        extra: { zoom: '0.6', 'x-custom': '[object Object]' },
      },
    );
  });

  test('an archive of stories as Twine writes it, with entities and a start node', () => {
    const html = `<!DOCTYPE html><html><body>
<tw-storydata name="First &amp; Last" startnode="2" creator="Twine" creator-version="2.10.0" ifid="A-1" zoom="1" format="SugarCube" format-version="2.37.3" options="" tags="demo" hidden>
<style role="stylesheet" id="twine-user-stylesheet" type="text/twine-css">body { color: #333; }</style>
<script role="script" id="twine-user-script" type="text/twine-javascript">if (a < b && c) {}</script>
<tw-tag name="calm" color="green"></tw-tag>
<tw-passagedata pid="1" name="StoryInit" tags="" position="0,0" size="100,100">&lt;&lt;set $calm to 1&gt;&gt;</tw-passagedata>
<tw-passagedata pid="2" name="Start" tags="calm" position="200,0" size="100,100">Calm is $calm. &lt;&lt;link &quot;Go&quot; &quot;End&quot;&gt;&gt;&lt;&lt;/link&gt;&gt;</tw-passagedata>
<tw-passagedata pid="3" name="End" tags="ending" position="400,0" size="100,100">Fin &amp; done.</tw-passagedata>
</tw-storydata>
<tw-storydata name="Second" startnode="1" ifid="B-2" format="Harlowe" format-version="3.3.8">
<tw-passagedata pid="1" name="Only" tags="" position="0,0">Just one.</tw-passagedata>
</tw-storydata></body></html>`;
    const [first, second] = parseTwineHtml(html);
    assert.equal(first!.title, 'First & Last');
    assert.equal(first!.start, 'Start');
    assert.equal(first!.script, 'if (a < b && c) {}');
    assert.equal(first!.stylesheet, 'body { color: #333; }');
    assert.deepEqual(first!.tagColors, { calm: 'green' });
    assert.equal(first!.extra.creator, 'Twine');
    assert.equal(first!.extra.tags, 'demo');
    assert.equal(first!.passages[1]!.text, 'Calm is $calm. <<link "Go" "End">><</link>>');
    assert.equal(first!.passages[2]!.text, 'Fin & done.');
    assert.equal(second!.title, 'Second');
    const validation = validateSource(first!);
    assert.deepEqual(
      validation.unreachable,
      [],
      'StoryInit runs by itself; End is linked by <<link>>',
    );
    assert.deepEqual(validation.undefinedVariables, [], 'StoryInit sets $calm');
    assert.deepEqual(parseTwineHtml(serializeTwineHtml(first!))[0], first);
  });

  test('not Twine HTML', () => {
    assert.throws(() => parseTwineHtml('<html><p>hi</p></html>'), /no <tw-storydata>/);
  });
});

describe('links and variables', () => {
  test('every link syntax and the Harlowe and SugarCube navigation macros', () => {
    const links = passageLinks(
      `[[A]] [[go->B]] [[C<-back]] [[text|D]] [[x->y->E]] [[F<-a<-b]] [[t|G][$x to 1]]
       (link-goto: "to H", "H") (link-goto: "I") (go-to: "J") (click-goto: "k", 'K')
       <<link "to L" "L">><</link>> <<button 'M!' "M">><</button>> <<goto "N">> <<goto [[O]]>>`,
    );
    assert.deepEqual(
      links.map((l) => `${l.kind}:${l.target}`),
      [
        'choice:A',
        'choice:B',
        'choice:C',
        'choice:D',
        'choice:E',
        'choice:F',
        'choice:G',
        'choice:H',
        'choice:I',
        'redirect:J',
        'choice:K',
        'choice:L',
        'choice:M',
        'redirect:N',
        'redirect:O',
      ],
    );
    assert.equal(links[1]!.text, 'go');
    assert.equal(links[4]!.text, 'x->y');
  });

  test('variables set and read', () => {
    const { sets, reads } = passageVariables(
      '(set: $calm to 1) <<set $count to 0>> <<set $seen = true>> You feel $mood. $calm',
    );
    assert.deepEqual([...sets].sort(), ['calm', 'count', 'seen']);
    assert.deepEqual([...reads].sort(), ['calm', 'mood']);
  });
});

describe('validation', () => {
  test('the sample story: a redirect and a choice reach everything; no dead ends', () => {
    const result = validateSource(parseTwee(TWEE));
    assert.deepEqual(result, {
      brokenLinks: [],
      unreachable: [],
      deadEnds: [],
      trappedCycles: [],
      undefinedVariables: [],
      missingStart: false,
    });
  });

  test('broken links, unreachable scenes, dead ends, trapped cycles, undefined variables', () => {
    const story = parseTwee(`:: Start
[[Loop A]] [[Nowhere]] [[Stuck]] You have $gold gold.

:: Loop A
[[Loop B]]

:: Loop B
[[Loop A]]

:: Stuck
Nothing here.

:: Island
[[Start]]

:: Good loop
[[Good end]] [[Good loop]]

:: Good end [ending]
Done.
`);
    const result = validateSource(story);
    assert.deepEqual(result.brokenLinks, [{ sceneId: 'Start', target: 'Nowhere' }]);
    assert.deepEqual(result.unreachable.sort(), ['Good end', 'Good loop', 'Island']);
    assert.deepEqual(result.deadEnds, ['Stuck']);
    assert.deepEqual(
      result.trappedCycles.map((c) => c.sort()),
      [['Loop A', 'Loop B']],
    );
    assert.deepEqual(result.undefinedVariables, [{ sceneId: 'Start', variable: 'gold' }]);
  });

  test('a 5,000-scene chain and a 5,000-scene ring validate without overflowing', () => {
    const chain = Array.from(
      { length: 5000 },
      (_, i) =>
        `:: S${i}${i === 4999 ? ' [ending]' : ''}\n${i < 4999 ? `[[S${i + 1}]]` : 'The end.'}`,
    );
    assert.deepEqual(validateSource(parseTwee(chain.join('\n'))).deadEnds, []);
    const ring = Array.from({ length: 5000 }, (_, i) => `:: R${i}\n[[R${(i + 1) % 5000}]]`);
    const result = validateSource(parseTwee(ring.join('\n')));
    assert.equal(result.trappedCycles.length, 1);
    assert.equal(result.trappedCycles[0]!.length, 5000);
  });
});
