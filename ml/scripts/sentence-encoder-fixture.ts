/**
 * Writes ml/test/sentence-encoder.reference.json: piece ids and vectors from the Python
 * reference (the wheel's own numpy forward pass) for a fixed set of sentences, which the
 * parity test compares the TypeScript port against. Run once when the sentences or the
 * pinned wheel change:
 *
 *   npx tsx ml/scripts/sentence-encoder-fixture.ts      (PYTHON=/path/to/python with numpy)
 */
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  SENTENCE_ENCODER_PACKAGE,
  SENTENCE_ENCODER_VERSION,
  ensureSentenceEncoder,
} from '../src/sentence-encoder/provision.js';
import { findNumpyPython, runReference } from './usem3-reference.js';

const long =
  'Yesterday I went for a long walk along the river with my old friend Minjun. We talked about ' +
  'work, about his new baby, about how hard it has been to sleep since the move, and about the ' +
  'small things that still make the day feel good: coffee in the morning, the dog waiting at the ' +
  'door, a song on the radio that reminds me of summer. By the time we got back it was dark, ' +
  'and I felt calmer than I had in weeks, although the worry about the exam next month never ' +
  'quite went away.';
const longKorean =
  '어제는 오랜 친구 민준이와 강을 따라 오래 걸었다. 일 이야기, 새로 태어난 아기 이야기, 이사 온 ' +
  '뒤로 잠을 잘 못 자는 이야기를 했다. 아침의 커피, 문 앞에서 기다리는 강아지, 여름을 떠올리게 ' +
  '하는 라디오의 노래처럼 하루를 괜찮게 만드는 작은 것들에 대해서도 이야기했다. 돌아왔을 때는 ' +
  '이미 어두웠고, 다음 달 시험에 대한 걱정은 여전했지만 몇 주 만에 가장 마음이 편했다.';

/** ~1,500 pieces: longer than one forward pass, so the encoder cuts it into runs. */
const veryLong = Array.from({ length: 6 }, (_, i) => `${i + 1}. ${long} ${longKorean}`).join('\n');

/** English, Korean, mixed, emoji, empty-ish, normalization cases and long texts. */
export const REFERENCE_SENTENCES = [
  'I love my dog',
  '나는 내 강아지를 사랑해',
  'the stock market fell',
  'Hello, world!',
  'How are you feeling today?',
  '오늘 기분이 어때요?',
  "I couldn't sleep last night because I was worried about work.",
  '어젯밤에 일 걱정 때문에 잠을 못 잤어요.',
  '내일 Seoul에서 meeting이 있어요',
  'My sister 지민 lives in Busan.',
  '😊🎉❤️',
  "I'm so happy 😂😂",
  '',
  '   ',
  '.',
  'ｆｕｌｌｗｉｄｔｈ ＡＢＣ １２３',
  'Café naïve résumé — “quotes” …',
  '12:30 PM, 3.5 km, $1,000,000',
  '\t tabs\nand\r\nnew   lines  ',
  'zero\u200bwidth space',
  '東京は日本の首都です',
  long,
  longKorean,
  veryLong,
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = await ensureSentenceEncoder();
  const python = await findNumpyPython();
  if (python === undefined) {
    console.error(
      'No python3 with numpy found. Make one: python3 -m venv /tmp/usem3-venv && ' +
        '/tmp/usem3-venv/bin/pip install numpy, then PYTHON=/tmp/usem3-venv/bin/python.',
    );
    process.exit(1);
  }
  const reference = await runReference<{ ids: number[][]; vectors: number[][] }>(
    python,
    dir,
    'encode',
    { sentences: REFERENCE_SENTENCES },
  );
  const fixture = {
    about:
      `Piece ids and L2-normalised vectors (float32, little-endian, base64) from ` +
      `${SENTENCE_ENCODER_PACKAGE} ${SENTENCE_ENCODER_VERSION}'s numpy backend; ` +
      'written by ml/scripts/sentence-encoder-fixture.ts.',
    sentences: REFERENCE_SENTENCES.map((text, i) => ({
      text,
      ids: reference.ids[i],
      vector: Buffer.from(Float32Array.from(reference.vectors[i]!).buffer).toString('base64'),
    })),
  };
  const out = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'test',
    'sentence-encoder.reference.json',
  );
  await writeFile(out, `${JSON.stringify(fixture, null, 2)}\n`);
  console.log(`wrote ${REFERENCE_SENTENCES.length} sentences to ${out}`);
}
