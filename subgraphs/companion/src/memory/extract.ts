/**
 * What a message says about the person, found by rules (English and Korean), with no
 * language model on the write path. Each statement becomes a fact with a subject and a
 * predicate, so a later statement with the same subject and predicate can retire it; every
 * message that is not a question is also kept whole as an episode, so nothing said is lost
 * to a rule that did not fire.
 */
export type MemoryKind = 'FACT' | 'PREFERENCE' | 'EVENT' | 'PERSON' | 'PLACE';

export interface ExtractedEntity {
  name: string;
  kind: 'PERSON' | 'PLACE' | 'PET' | 'THING';
}

export interface ExtractedMemory {
  kind: MemoryKind;
  /** `self`, or the name of what the statement is about (an entity, a liked thing). */
  subject: string;
  /** Machine-readable relation, e.g. `lives_in`, `has_sister`, `preference`. */
  predicate: string;
  object: string;
  /** One value at a time: a new value retires the old one. */
  singleValued: boolean;
  /** The sentence it came from, as written. */
  text: string;
  entities: ExtractedEntity[];
  importance: number;
}

interface Rule {
  pattern: RegExp;
  build(match: RegExpExecArray, sentence: string): Omit<ExtractedMemory, 'text'> | undefined;
}

const NAME = String.raw`(\p{Lu}[\p{L}'-]+(?: \p{Lu}[\p{L}'-]+)?)`;
const PLACE = String.raw`(\p{Lu}[\p{L}.'-]+(?:[ -]\p{Lu}[\p{L}.'-]+)*)`;
const ROLES_SINGLE = new Set([
  'mom',
  'mother',
  'dad',
  'father',
  'wife',
  'husband',
  'partner',
  'boss',
]);
const NEGATED =
  /\b(?:don'?t|do not|doesn'?t|never|no longer|not anymore|didn'?t|haven'?t)\b|않|안 |못 /i;

const fact = (
  predicate: string,
  object: string,
  entities: ExtractedEntity[] = [],
  kind: MemoryKind = 'FACT',
  singleValued = true,
): Omit<ExtractedMemory, 'text'> => ({
  kind,
  subject: 'self',
  predicate,
  // A name at the end of a sentence keeps no trailing full stop ("St. Louis." → "St. Louis").
  object: object.trim().replace(/[.'-]+$/u, ''),
  singleValued,
  entities,
  importance: kind === 'FACT' ? 0.7 : 0.6,
});

/** "my sister Hana", "우리 강아지 이름은 보리": someone (or a pet) in a role of the person's. */
const relation = (role: string, name: string) =>
  fact(
    `has_${role}`,
    name,
    [{ name, kind: role === 'dog' || role === 'cat' ? 'PET' : 'PERSON' }],
    'PERSON',
    ROLES_SINGLE.has(role),
  );

const english: Rule[] = [
  {
    pattern: new RegExp(String.raw`\b[Mm]y name is ${NAME}`, 'u'),
    build: (m) => fact('name', m[1]!),
  },
  {
    pattern: /\bi(?:'m| am) (\d{1,3}) years? old\b/i,
    build: (m) => fact('age', m[1]!),
  },
  {
    pattern: new RegExp(String.raw`\bI (?:live|am living|'m living) in ${PLACE}`, 'u'),
    build: (m) => fact('lives_in', m[1]!, [{ name: m[1]!, kind: 'PLACE' }], 'PLACE'),
  },
  {
    pattern: new RegExp(String.raw`\bI (?:just )?moved to ${PLACE}`, 'u'),
    build: (m) => fact('lives_in', m[1]!, [{ name: m[1]!, kind: 'PLACE' }], 'PLACE'),
  },
  {
    pattern: new RegExp(String.raw`\bI(?:'m| am) (?:originally )?from ${PLACE}`, 'u'),
    build: (m) => fact('from', m[1]!, [{ name: m[1]!, kind: 'PLACE' }], 'PLACE'),
  },
  {
    pattern: new RegExp(String.raw`\bI work (?:at|for) ${PLACE}`, 'u'),
    build: (m) => fact('works_at', m[1]!, [{ name: m[1]!, kind: 'THING' }]),
  },
  {
    pattern: /\bi work as an? ([\p{L} -]{2,40}?)(?=[.,!?]|$| at | for )/iu,
    build: (m) => fact('occupation', m[1]!),
  },
  {
    pattern: /\bmy fav(?:ou?rite)? ([\p{L}]+(?: [\p{L}]+)?) is ([^.!?,]{1,60})/iu,
    build: (m) => ({ ...fact(`favorite_${m[1]!.toLowerCase()}`, m[2]!), kind: 'PREFERENCE' }),
  },
  {
    pattern:
      /\bi (?:really |absolutely |totally )?(love|like|enjoy|adore|hate|dislike|can't stand|cannot stand) ([^.!?,]{2,60})/iu,
    build: (m) => {
      const object = m[2]!.replace(/\b(?:so much|a lot|very much|too)\b/gi, '').trim();
      const likes = ['love', 'like', 'enjoy', 'adore'].includes(m[1]!.toLowerCase());
      return {
        kind: 'PREFERENCE',
        subject: object.toLowerCase(),
        predicate: 'preference',
        object: likes ? 'likes' : 'dislikes',
        singleValued: true,
        entities: [{ name: object, kind: 'THING' }],
        importance: 0.6,
      };
    },
  },
  {
    pattern: /\bi(?:'m| am) allergic to ([^.!?,]{2,40})/iu,
    build: (m) => fact('allergic_to', m[1]!, [], 'FACT', false),
  },
  {
    pattern: new RegExp(
      String.raw`\b[Mm]y (sister|brother|mom|mother|dad|father|wife|husband|partner|friend|boyfriend|girlfriend|son|daughter|boss|dog|cat)(?:'s name is| is called| is named| named|,)? ${NAME}`,
      'u',
    ),
    build: (m) => {
      const role = m[1]!.toLowerCase();
      return relation(role, m[2]!);
    },
  },
  {
    pattern: new RegExp(
      String.raw`\bI have an? (dog|cat|puppy|kitten)(?: named| called) ${NAME}`,
      'u',
    ),
    build: (m) =>
      fact(`has_${m[1]!.toLowerCase()}`, m[2]!, [{ name: m[2]!, kind: 'PET' }], 'PERSON', false),
  },
];

const HANGUL_WORD = String.raw`([\p{Script=Hangul}\p{L}\d]+?)`;
const korean: Rule[] = [
  {
    pattern: new RegExp(
      String.raw`(?:제|내|저의|나의) 이름은 ${HANGUL_WORD}(?:이에요|예요|입니다|이야|야|이다|라고)?(?=[\s.!?]|$)`,
      'u',
    ),
    build: (m) => fact('name', m[1]!),
  },
  {
    pattern: new RegExp(
      String.raw`${HANGUL_WORD}(?:에|에서) 살(?:아요|아|고 있어요|고 있어|고 있습니다|고 있다|아요|습니다|고)`,
      'u',
    ),
    build: (m) => fact('lives_in', m[1]!, [{ name: m[1]!, kind: 'PLACE' }], 'PLACE'),
  },
  {
    pattern: new RegExp(String.raw`${HANGUL_WORD}(?:으로|로) 이사(?:했|왔|갔|를 했|를 왔)`, 'u'),
    build: (m) => fact('lives_in', m[1]!, [{ name: m[1]!, kind: 'PLACE' }], 'PLACE'),
  },
  {
    pattern: new RegExp(String.raw`${HANGUL_WORD}에서 일(?:해|해요|하고|합니다|한다)`, 'u'),
    build: (m) => fact('works_at', m[1]!, [{ name: m[1]!, kind: 'THING' }]),
  },
  {
    pattern: new RegExp(
      String.raw`${HANGUL_WORD}(?:을|를|이|가) (?:정말 |너무 |진짜 |제일 |아주 )?(좋아|싫어)`,
      'u',
    ),
    build: (m) => ({
      kind: 'PREFERENCE',
      subject: m[1]!,
      predicate: 'preference',
      object: m[2] === '좋아' ? 'likes' : 'dislikes',
      singleValued: true,
      entities: [{ name: m[1]!, kind: 'THING' }],
      importance: 0.6,
    }),
  },
  {
    pattern: new RegExp(
      String.raw`(?:우리|제|내) (강아지|고양이|언니|누나|오빠|형|동생|엄마|아빠|남편|아내|친구) 이름은 ${HANGUL_WORD}(?:이에요|예요|야|이야|입니다)?(?=[\s.!?]|$)`,
      'u',
    ),
    build: (m) => {
      const roles: Record<string, string> = {
        강아지: 'dog',
        고양이: 'cat',
        언니: 'sister',
        누나: 'sister',
        오빠: 'brother',
        형: 'brother',
        동생: 'sibling',
        엄마: 'mom',
        아빠: 'dad',
        남편: 'husband',
        아내: 'wife',
        친구: 'friend',
      };
      const role = roles[m[1]!]!;
      return relation(role, m[2]!);
    },
  },
];

const SENTENCE = /[^.!?。\n]+[.!?。]*/gu;
const QUESTION = /\?\s*$|(?:까|니|나요|어요\?|냐)\s*[?？]?\s*$/u;
/** Capitalised names inside a sentence (not its first word): people and places mentioned. */
const MENTION = /(?<=\s)(\p{Lu}[\p{Ll}'-]+(?: \p{Lu}[\p{Ll}'-]+)*)/gu;
const NOT_NAMES = new Set([
  'I',
  "I'm",
  "I've",
  "I'd",
  "I'll",
  'OK',
  'Okay',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
]);

export function isQuestion(text: string): boolean {
  return QUESTION.test(text.trim());
}

export function extractMemories(message: string): ExtractedMemory[] {
  const out: ExtractedMemory[] = [];
  const sentences =
    message
      .match(SENTENCE)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [];
  for (const sentence of sentences) {
    if (isQuestion(sentence) || NEGATED.test(sentence)) continue;
    for (const rule of [...english, ...korean]) {
      const match = rule.pattern.exec(sentence);
      const built = match && rule.build(match, sentence);
      if (built && built.object.length > 0 && built.object.length <= 80)
        out.push({ ...built, text: sentence });
    }
  }
  // A one-sentence statement already kept as a fact needs no episode beside it.
  const covered = out.some((m) => m.text === message.trim());
  if (!covered && !isQuestion(message) && message.trim().length >= 2) {
    const entities = new Map<string, ExtractedEntity>();
    for (const found of message.matchAll(MENTION)) {
      const name = found[1]!;
      if (!NOT_NAMES.has(name)) entities.set(name.toLowerCase(), { name, kind: 'THING' });
    }
    for (const memory of out)
      for (const e of memory.entities) entities.set(e.name.toLowerCase(), e);
    out.push({
      kind: 'EVENT',
      subject: 'self',
      predicate: 'said',
      object: '',
      singleValued: false,
      text: message.trim(),
      entities: [...entities.values()].slice(0, 20),
      importance: 0.3,
    });
  }
  return out;
}
