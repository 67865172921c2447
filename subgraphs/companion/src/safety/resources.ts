/**
 * Crisis resources: fixed, human-written text per locale and tier. A reply to a message at risk
 * starts with these blocks, word for word; no model writes or rewrites them. Changing a number or
 * a sentence here is a reviewed change, like changing a rule.
 */
import type { RiskAssessment, RiskLevel, RiskSubject, SafetyLocale } from './types.js';

export interface CrisisLine {
  /** As dialled: "988", "109", "1577-0199". */
  number: string;
  label: string;
  /** `tel:` link, and `sms:` where the line takes texts. */
  tel: `tel:${string}`;
  sms?: `sms:${string}`;
  /** Only for danger to life right now (police, ambulance). */
  emergency: boolean;
}

export interface CrisisResponse {
  level: RiskLevel;
  subject: RiskSubject;
  locale: SafetyLocale;
  /** Paragraphs to put first in the reply, in order; empty when the level is `none`. */
  blocks: string[];
  /** The blocks as one text, paragraphs apart: what a plain-text reply starts with. */
  text: string;
  /** The lines the blocks name, for buttons and links. */
  lines: CrisisLine[];
}

export const CRISIS_LINES: Record<SafetyLocale, readonly CrisisLine[]> = {
  en: [
    {
      number: '988',
      label: '988 Suicide & Crisis Lifeline (US) — call or text, 24/7',
      tel: 'tel:988',
      sms: 'sms:988',
      emergency: false,
    },
    {
      number: '911',
      label: 'Emergency services (US) — or your local emergency number',
      tel: 'tel:911',
      emergency: true,
    },
  ],
  ko: [
    {
      number: '109',
      label: '자살예방상담전화 109 (24시간, 2024년부터 통합번호)',
      tel: 'tel:109',
      emergency: false,
    },
    {
      number: '1577-0199',
      label: '정신건강위기상담전화 1577-0199 (24시간)',
      tel: 'tel:15770199',
      emergency: false,
    },
    { number: '112', label: '긴급 신고 112 (경찰)', tel: 'tel:112', emergency: true },
    { number: '119', label: '긴급 신고 119 (구급·소방)', tel: 'tel:119', emergency: true },
  ],
};

type TierText = Record<Exclude<RiskLevel, 'none'>, readonly string[]>;

const SELF_TEXT: Record<SafetyLocale, TierText> = {
  en: {
    concern: [
      "It sounds like you're carrying a lot right now, and I'm glad you said something. You don't have to hold this alone.",
      'If you ever have thoughts of ending your life, you can call or text 988 (Suicide & Crisis Lifeline, US) any time, day or night. Outside the US, your local crisis line or emergency number can help.',
    ],
    elevated: [
      "I'm really glad you told me. What you're feeling matters, and you deserve support from a person who can be with you in this right now.",
      "Please call or text 988 to reach the Suicide & Crisis Lifeline (US). It's free, confidential and open 24/7. If you are in immediate danger, call 911 (US) or your local emergency number.",
    ],
    imminent: [
      'Your safety comes first. If you are in immediate danger or have already hurt yourself, call 911 (US) or your local emergency number now.',
      'You can also call or text 988 right now to talk to someone at the Suicide & Crisis Lifeline (US).',
      'If you can, move away from anything you could use to hurt yourself, and let someone near you know what is happening. You do not have to go through this night alone.',
    ],
  },
  ko: {
    concern: [
      '지금 많이 힘든 마음을 안고 계신 것 같아요. 이야기해 주셔서 고마워요. 혼자 견디지 않으셔도 괜찮아요.',
      '혹시 삶을 끝내고 싶다는 생각이 든다면, 언제든 자살예방상담전화 109에 전화해 주세요. 24시간 상담할 수 있어요. 정신건강위기상담전화 1577-0199도 있어요.',
    ],
    elevated: [
      '말해 주셔서 정말 고마워요. 지금 느끼는 마음은 소중하고, 지금 곁에서 함께해 줄 사람의 도움을 받으실 자격이 있어요.',
      '지금 자살예방상담전화 109에 전화해 주세요. 24시간, 무료로, 비밀을 지키며 상담해 드려요. 정신건강위기상담전화 1577-0199도 이용할 수 있어요. 위급한 상황이라면 112나 119에 바로 연락하세요.',
    ],
    imminent: [
      '지금은 당신의 안전이 가장 중요해요. 위험한 상황이거나 이미 몸을 다쳤다면 지금 바로 119(구급) 또는 112(경찰)에 전화하세요.',
      '자살예방상담전화 109에도 지금 바로 전화할 수 있어요. 24시간 연결돼요.',
      '할 수 있다면 몸을 해칠 수 있는 물건에서 멀리 떨어지고, 가까이 있는 사람에게 지금 상황을 알려 주세요. 오늘 밤을 혼자 견디지 않으셔도 돼요.',
    ],
  },
};

const OTHER_TEXT: Record<SafetyLocale, { care: readonly string[]; urgent: string }> = {
  en: {
    care: [
      "It means a lot that you're looking out for them. If someone may be thinking about suicide, it helps to ask them directly and calmly, listen without judging, stay with them or keep in touch, and help them reach support.",
      'They — or you, for advice on how to help — can call or text 988 (Suicide & Crisis Lifeline, US) any time. Outside the US, a local crisis line can help.',
    ],
    urgent:
      'If they are in immediate danger, call 911 (US) or the local emergency number now, and do not leave them alone if it is safe for you to stay.',
  },
  ko: {
    care: [
      '그분을 걱정하는 마음이 느껴져요. 누군가 자살을 생각하는 것 같다면, 차분하게 직접 물어보고, 판단하지 말고 들어 주고, 곁에 있어 주거나 계속 연락하면서 도움을 받도록 함께해 주세요.',
      '그분도, 어떻게 도와야 할지 묻고 싶은 당신도 자살예방상담전화 109나 정신건강위기상담전화 1577-0199에 24시간 전화할 수 있어요.',
    ],
    urgent: '그분이 지금 위험한 상황이라면 바로 119나 112에 신고하고, 안전하다면 혼자 두지 마세요.',
  },
};

/**
 * The fixed blocks to put first in the reply for an assessment: nothing at `none`; for someone
 * else's risk, how to help them, with the same numbers; for one's own, the tier's text.
 * The locale is the assessment's (the person's language, else the message's script).
 */
export function crisisResponse(assessment: RiskAssessment): CrisisResponse {
  const { level, subject, locale } = assessment;
  const base = { level, subject, locale };
  if (level === 'none') return { ...base, blocks: [], text: '', lines: [] };
  // Every tier lists every number: the text decides the tone, the numbers are always there.
  const lines = [...CRISIS_LINES[locale]];
  if (subject === 'other') {
    const text = OTHER_TEXT[locale];
    const blocks = [...text.care, text.urgent];
    return { ...base, blocks, text: blocks.join('\n\n'), lines };
  }
  const blocks = [...SELF_TEXT[locale][level]];
  return { ...base, blocks, text: blocks.join('\n\n'), lines };
}
