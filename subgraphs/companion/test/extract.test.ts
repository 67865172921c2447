import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMemories, isQuestion } from '../src/memory/extract.js';
import { searchTerms } from '../src/memory/terms.js';

const facts = (text: string) =>
  extractMemories(text)
    .filter((m) => m.kind !== 'EVENT')
    .map((m) => [m.predicate, m.subject, m.object]);

test('English statements become facts with a subject and a predicate', () => {
  assert.deepEqual(facts('My name is Fay and I live in Gangneung.'), [
    ['name', 'self', 'Fay'],
    ['lives_in', 'self', 'Gangneung'],
  ]);
  assert.deepEqual(facts('I moved to New York last month.'), [['lives_in', 'self', 'New York']]);
  assert.deepEqual(facts('My sister Hana works too hard.'), [['has_sister', 'self', 'Hana']]);
  assert.deepEqual(facts('I love hiking in the rain!'), [
    ['preference', 'hiking in the rain', 'likes'],
  ]);
  assert.deepEqual(facts("I can't stand coffee."), [['preference', 'coffee', 'dislikes']]);
});

test('Korean statements too', () => {
  assert.deepEqual(facts('저는 부산에 살아요.'), [['lives_in', 'self', '부산']]);
  assert.deepEqual(facts('서울로 이사했어요.'), [['lives_in', 'self', '서울']]);
  assert.deepEqual(facts('우리 강아지 이름은 보리예요.'), [['has_dog', 'self', '보리']]);
  assert.deepEqual(facts('커피를 정말 좋아해요.'), [['preference', '커피', 'likes']]);
});

test('questions, negations and vague places are not facts', () => {
  assert.deepEqual(facts('Do I live in Seoul?'), []);
  assert.deepEqual(facts("I don't live in Busan anymore."), []);
  assert.deepEqual(facts('I live in the city.'), []);
  assert.deepEqual(extractMemories('Where do I live?'), []);
  assert.ok(isQuestion('어디 살아요?'));
});

test('every statement is also kept whole, unless one fact already holds it all', () => {
  const kinds = extractMemories('We went to the lake with Jamie. It was quiet.').map((m) => m.kind);
  assert.deepEqual(kinds, ['EVENT']);
  assert.deepEqual(
    extractMemories('I love tangerines.').map((m) => m.kind),
    ['PREFERENCE'],
  );
});

test('search terms: English words stemmed, Korean as bigrams, stop words dropped', () => {
  assert.deepEqual(searchTerms('My dogs were hiking'), ['dog', 'hik']);
  assert.deepEqual(searchTerms('서울에서'), ['서울', '울에', '에서']);
});
