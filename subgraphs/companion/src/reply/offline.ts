import type { ReplyGenerator, ReplyInput } from './generator.js';

/**
 * The built-in responder: no model server, grounded only in retrieved memories and the
 * person's state, in the person's language. It never states a fact about the person that
 * is not a memory of theirs; when it does not know, it says so.
 */
export class OfflineResponder implements ReplyGenerator {
  readonly name = 'offline';

  async *generate(input: ReplyInput): AsyncIterable<string> {
    const reply = compose(input);
    // Word by word, so a client shows it arriving as a model's reply would.
    for (const piece of reply.match(/\S+\s*/g) ?? [reply]) yield piece;
  }
}

type Tone = 'low' | 'tense' | 'bright' | 'even';

const TONE_OF: Record<string, Tone> = {
  sadness: 'low',
  grief: 'low',
  disappointment: 'low',
  remorse: 'low',
  embarrassment: 'low',
  anger: 'tense',
  annoyance: 'tense',
  disgust: 'tense',
  disapproval: 'tense',
  fear: 'tense',
  nervousness: 'tense',
  confusion: 'tense',
  joy: 'bright',
  excitement: 'bright',
  gratitude: 'bright',
  love: 'bright',
  optimism: 'bright',
  pride: 'bright',
  amusement: 'bright',
  relief: 'bright',
  admiration: 'bright',
  approval: 'bright',
};

const TEXT = {
  en: {
    opener: {
      low: ['That sounds really heavy.', "I'm sorry you're carrying that."],
      tense: ['That sounds hard to sit with.', 'That sounds really frustrating.'],
      bright: ["That's lovely to hear!", 'I love hearing that.'],
      even: ['Thanks for telling me.', 'I hear you.'],
    },
    remember: (fact: string) => `I remember ${fact}.`,
    youSaid: (fact: string) => `You told me ${fact}.`,
    youMentioned: (text: string) => `You mentioned: “${text}”`,
    unknown: "I don't think you've told me that yet. Would you like to?",
    learned: "I'll remember that.",
    tense: 'Your body seems tense right now. Would a few slow breaths together help?',
    follow: {
      low: 'Do you want to tell me more about it?',
      tense: 'What would help most right now?',
      bright: 'What made it so good?',
      even: "What's on your mind?",
    },
  },
  ko: {
    opener: {
      low: ['많이 힘드셨겠어요.', '그런 마음을 안고 계셨군요.'],
      tense: ['정말 답답하셨겠어요.', '마음이 많이 불편하셨겠어요.'],
      bright: ['정말 좋은 소식이네요!', '듣기만 해도 기분이 좋아요.'],
      even: ['이야기해 주셔서 고마워요.', '네, 듣고 있어요.'],
    },
    remember: (fact: string) => `전에 “${fact}”라고 하셨던 게 기억나요.`,
    youSaid: (fact: string) => `전에 “${fact}”라고 말씀해 주셨어요.`,
    youMentioned: (text: string) => `이렇게 말씀하셨어요: “${text}”`,
    unknown: '아직 그 이야기는 들은 적이 없는 것 같아요. 들려주실래요?',
    learned: '기억해 둘게요.',
    tense: '지금 몸이 조금 긴장되어 있는 것 같아요. 같이 천천히 숨을 쉬어 볼까요?',
    follow: {
      low: '조금 더 이야기해 주실 수 있어요?',
      tense: '지금 가장 도움이 될 만한 건 뭘까요?',
      bright: '어떤 점이 가장 좋았어요?',
      even: '요즘 어떤 생각을 하고 계세요?',
    },
  },
} as const;

/** "I live in Busan" → "you live in Busan": the person's own words, turned to face them. */
export function secondPerson(text: string): string {
  return text
    .replace(/[.!?]+$/u, '')
    .replace(/\bI am\b/g, 'you are')
    .replace(/\bI'm\b/gi, "you're")
    .replace(/\bI've\b/gi, "you've")
    .replace(/\bI'd\b/gi, "you'd")
    .replace(/\bI'll\b/gi, "you'll")
    .replace(/\bI was\b/g, 'you were')
    .replace(/\bI\b/g, 'you')
    .replace(/\bmy\b/gi, 'your')
    .replace(/\bmine\b/gi, 'yours')
    .replace(/\bmyself\b/gi, 'yourself')
    .replace(/\bme\b/gi, 'you');
}

export function compose(input: ReplyInput): string {
  const t = TEXT[input.language];
  const tone: Tone = TONE_OF[input.emotion?.label ?? ''] ?? 'even';
  const warm = input.profile.warmth >= 0.5 ? 1 : 0;
  const facts = input.memories.filter((m) => m.kind !== 'EVENT');
  const parts: string[] = [];
  if (input.isQuestion) {
    const best = facts[0] ?? input.memories.find((m) => m.via.length > 1) ?? input.memories[0];
    if (!best) parts.push(t.unknown);
    else if (best.kind === 'EVENT') parts.push(t.youMentioned(best.text));
    else parts.push(t.youSaid(input.language === 'en' ? secondPerson(best.text) : best.text));
    return parts.join(' ');
  }
  parts.push(t.opener[tone][warm]!);
  if (input.learned > 0) parts.push(t.learned);
  // A memory is brought up only when both paths agree it is about this.
  const related = facts.find((m) => m.via.length > 1);
  if (related) {
    parts.push(t.remember(input.language === 'en' ? secondPerson(related.text) : related.text));
  }
  if (input.state && input.state.stress >= 0.6) parts.push(t.tense);
  if (input.profile.length >= 0.3 || tone !== 'even') parts.push(t.follow[tone]);
  return parts.join(' ');
}
