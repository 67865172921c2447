/**
 * English risk phrases and the context that changes what they mean. Patterns read normalized
 * text (normalize.ts): lower case, contractions spelled out ("i am", "do not", "want to"),
 * misspellings of the key words put right.
 */
import type { IdiomRule, PhraseContext, RiskRule, RuleSet } from './rule-set.js';

const SELF_REFLEXIVE = '(?:my|him|her|them|your)self';
const DIE_VERB = '(?:die|be dead|not be alive|not exist|stop existing|not wake up)';

const risks: RiskRule[] = [
  // --- Plans, means, notes, acts: the imminent tier on their own.
  {
    id: 'en.plan.means_ready',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:have|got|bought|saved(?: up)?|stockpiled|collected|gathered|counted out|hoarded|loaded)\b[^.!?]{0,30}\b(?:pills|tablets|meds|sleeping pills|painkillers|rope|noose|gun|razor ?blades?|blades|charcoal|bullets)\b(?![^.!?]{0,30}\bfor (?:the|my|our|a) (?:trip|flight|week|travel|vacation|holiday|morning|appointment|headache|cold))[^.!?]{0,25}\b(?:ready|tonight|to end it|to do it|enough to|to die|for tonight|do(?:ing)? it (?:tonight|tomorrow|today|this weekend|soon))\b/g,
  },
  {
    id: 'en.plan.means_ready',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:the |my )?(?:pills|rope|noose|gun|razor|blades?)\b (?:is|are) (?:ready|loaded|tied|here with me)\b|\benough (?:pills|tablets|meds) to (?:die|kill myself|end it|not wake up|overdose)\b/g,
  },
  {
    id: 'en.plan.note',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:wrote|written|writing|left|finished) (?:my|a|the) (?:suicide|goodbye|last) (?:note|letter)s?\b|\bthis is my (?:last|final) (?:message|goodbye|post)\b|\bby the time (?:you|anyone|someone) (?:read|reads|see|sees) this\b|\bgoodbye (?:note|letter)s? (?:to|for)\b/g,
  },
  {
    id: 'en.plan.decided',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:i have (?:decided|made up my mind|a plan|planned)|i know (?:how|when) i am going to)\b[^.!?]{0,40}\b(?:die|kill myself|end it|end my life|suicide|do it|jump)\b|\btonight is the night\b|\bi am going to do it tonight\b/g,
  },
  {
    id: 'en.plan.at_edge',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:standing|sitting|i am|am) (?:on|at) (?:the |a )?(?:edge of the |ledge of the )?(?:bridge|roof|rooftop|ledge|tracks|cliff|balcony edge)\b[^.!?]{0,40}\b(?:jump|end it|die|kill myself|goodbye)\b/g,
  },
  {
    id: 'en.attempt.overdose_taken',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /\b(?:(?:i|he|she|they) (?:just |have |has )?(?:took|taken|swallowed)|i just took) (?:like |about |around |maybe |over |almost )?(?:all|a bunch|a lot|a handful|(?:the|a) whole (?:bottle|pack|box)|too many|an overdose|\d+)\b[^.!?]{0,15}\b(?:pills|tablets|meds|medication|of them)\b|(?:^|[.!?;,]\s*)(?:just )?(?:took|swallowed) (?:like |about |around |maybe |over |almost )?(?:all|a bunch|a lot|a handful|(?:the|a) whole (?:bottle|pack|box)|too many|\d+)\b[^.!?]{0,20}\b(?:pills|tablets|meds|medication)\b|\bi (?:just |have )?overdosed\b|\b(?:i|he|she|they) (?:just |have |has )?(?:swallowed|took|taken|downed) (?:everything in the (?:medicine cabinet|cabinet|drawer|bottle)|all (?:of )?(?:the|my|his|her|their) (?:pills|meds|medication|medicine|tablets))\b|\bi (?:just )?(?:slit|cut) my wrists?\b(?![^.!?]{0,20}\b(?:years?|months?) ago\b)/g,
  },
  // --- Attempts: recent ones are sharpened, past ones softened, by context.
  {
    id: 'en.attempt.tried',
    tier: 'elevated',
    kind: 'attempt',
    pattern:
      /\b(?:tried|attempted|try|attempt|trying|attempting) (?:again )?(?:to )?(?:kill myself|end my life|end it|die|commit suicide|suicide|overdose|hang myself|take my (?:own )?life)\b|\b(?:suicide|overdose) attempts?\b/g,
  },
  // --- Asking how: lethality questions are a warning sign in themselves.
  {
    id: 'en.means_inquiry.lethality',
    tier: 'elevated',
    kind: 'means_inquiry',
    pattern:
      /\bhow (?:many|much) [^.!?]{0,30}(?:would it take|does it take|is (?:a )?lethal|to (?:die|overdose|kill (?:my|your)self|not wake up))\b|\b(?:painless|easiest|quickest|fastest|best|surest) (?:way|ways|method|methods) to (?:die|kill (?:my|your)self|end (?:it|my life)|commit suicide|suicide)\b|\bhow (?:to|do i|do you|can i) (?:kill (?:my|your)self|hang (?:my|your)self|overdose|commit suicide|end my life)\b|\bhow (?:high|tall|far) [^.!?]{0,25}to (?:die|kill|jump and die)\b/g,
  },
  // --- Direct: the wish or intent to die, said outright.
  {
    id: 'en.direct.kill_self',
    tier: 'elevated',
    kind: 'direct',
    pattern: new RegExp(
      `\\b(?:kill|killing|kills|killed|off|hang|hanging|shoot|shooting|drown|end) ${SELF_REFLEXIVE}\\b`,
      'g',
    ),
  },
  {
    id: 'en.direct.want_die',
    tier: 'elevated',
    kind: 'direct',
    pattern: new RegExp(
      `\\b(?:want|wants|wanted|wanting|wish|wishing|need|needs|going|ready|planning|plan|deserve|deserves|longing|praying) to ${DIE_VERB}\\b|\\b(?:i|she|he|they) (?:should|could|might as well|just want to|would rather) (?:just )?${DIE_VERB}\\b(?! (?:of|from|laughing|if|than))|\\b(?:want|wish) i (?:was|were) dead\\b|\\bbetter off dead\\b|\\brather be dead\\b|\\b(?:i|we) (?:am|are) ready to (?:go|leave this world)\\b`,
      'g',
    ),
  },
  {
    id: 'en.direct.end_life',
    tier: 'elevated',
    kind: 'direct',
    pattern:
      /\b(?:end|ending|take|taking|ends|take away) (?:my|his|her|their) (?:own )?life\b|\bend it all\b|\b(?:thinking|think|thought|thoughts) (?:about|of) (?:just )?(?:ending it|ending things|not being here|dying|death|killing myself|(?:jumping|stepping|throwing myself) (?:in front of|off) (?:a|the) (?:train|bus|truck|car|bridge|building|roof|cliff)|(?:driving|crashing|swerving) (?:off the road|off a bridge|into (?:a|the|oncoming) (?:tree|wall|traffic|truck)))\b|\b(?:going to|will|gonna|want to|about to|ready to|plan to|planning to) end it(?! (?:with|between|for))\b|\bwhat i (?:might|could|will|would) do to myself\b|\b(?:crash|drive) my car (?:on purpose|into (?:a|the) (?:wall|tree|river|truck|barrier))\b|\b(?:going to|will|about to|gonna|want to|ready to|plan to|planning to) jump (?:in front of|off|from)\b|\b(?:i am|i will be) ending it\b(?! with)|\b(?:planning|planned|figured out|worked out|thinking about) (?:out )?(?:how|when|where) (?:i will|i am going to|to) do it\b|\b(?:do|does) not want to (?:live|be alive|exist|be here|wake up)\b|\bno longer want to (?:live|be alive|exist|be here)\b|\bdo not want to be alive\b/g,
  },
  {
    id: 'en.direct.suicidal',
    tier: 'elevated',
    kind: 'direct',
    pattern:
      /\b(?:am|is|are|been|feel|feeling|felt|get|getting|so|very|kinda|really|was|were|becoming|pretty|lowkey|extremely) (?:really |so |very |kind of |pretty |a bit |a little )?suicidal\b|\bsuicide (?:is|has been|keeps|kept)[^.!?]{0,15}\b(?:my mind|my head)\b|\bsuicid(?:al|e) (?:thoughts|ideation|feelings|urges|again|lately|rn|right now|tonight|today)\b|\b(?:commit|committing|contemplating|considering|thinking (?:about|of)|thought (?:about|of)|thoughts (?:of|about)|urge to commit|plan to commit|planning|ready for|going to commit) suicide\b/g,
  },
  // --- Slang and abbreviations.
  {
    id: 'en.slang.kms',
    tier: 'elevated',
    kind: 'slang',
    pattern:
      /(?<![\d.,]\s?|\b(?:ran|run|drove|walked|biked|cycled|hiked|km|few|several|many|the) )\bkms\b/g,
  },
  { id: 'en.slang.kys', tier: 'concern', kind: 'slang', pattern: /\bkys\b/g, subject: 'other' },
  {
    id: 'en.slang.unalive',
    tier: 'elevated',
    kind: 'slang',
    pattern:
      /\b(?:unalive|self[- ]?delete|delete myself|game end (?:my|him|her)self|neck (?:my|him|her)self|rope (?:my|him|her)self|toaster bath|(?:want to|going to|time to|about to) (?:ctb|catch the bus|rope|neck))\b/g,
  },
  {
    id: 'en.slang.sui',
    tier: 'elevated',
    kind: 'slang',
    pattern:
      /\b(?:feeling|feel|so|kinda|lowkey|been|getting|am) sui\b|\bsui (?:thoughts|vibes|mode|urges)\b/g,
  },
  // --- Self-harm.
  {
    id: 'en.self_harm.act',
    tier: 'elevated',
    kind: 'self_harm',
    pattern: new RegExp(
      `\\b(?:cut|cutting|cuts|burn|burning|burned|hurt|hurting|harm|harming|punish|scratch|scratching|starve|starving|hit|hitting|punch|punching|bite|biting) ${SELF_REFLEXIVE}\\b(?! (?:by accident|accidentally|shaving|cooking|chopping|on (?:a|the|some) |playing|at the gym|while (?:playing|running|cooking|skiing|working|lifting|training)|when i (?:fell|fall|tripped|slipped|crashed)|during (?:practice|the game|training|a game)|lifting|running|skiing|skating|in the kitchen|with (?:a|the) (?:knife|paper)|trying to (?:finish|get|fix|meet|make)))|\\bself[- ]?harm(?:ing|ed)?\\b|\\b(?:relapsed?|started|back to|urge to|urges to|want to) (?:on )?(?:cutting|self[- ]?harm|cut|burn myself)\\b|\\b(?:cut|cutting|slit|slitting) (?:my|his|her|their) (?:wrists?|arms?|thighs?|legs?|skin)\\b|\\bi have been cutting\\b|\\b(?:burn|burning|burned|burnt|scratch|scratching|carve|carving|carved) (?:my|his|her|their) (?:arms?|wrists?|thighs?|legs?|skin|stomach)\\b(?! (?:on the|cooking|while|by accident|accidentally|in the sun))|\\bi (?:cut|have been cutting|started cutting) again\\b|\\b(?:relapsed? on|urges? to|did|doing|started|back to|want to) sh\\b|\\bsh (?:urges|scars|again|relapse)\\b`,
      'g',
    ),
  },
  // --- Indirect: hopelessness, burden, wanting to disappear.
  {
    id: 'en.indirect.better_off',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\bbetter off without (?:me|him|her|them)\b|\b(?:world|everyone|everybody|they|family) would be (?:better|happier|fine) (?:without|if i (?:was|were) (?:gone|dead|not here))\b|\b(?:would|will)\b[^.!?]{0,30}\b(?:fine|better|happier|okay|ok|easier) without me\b/g,
  },
  {
    id: 'en.indirect.cant_go_on',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\b(?:can not|could not|unable to|do not want to) (?:go on|keep going|keep living|do this anymore|do this any longer|take (?:it|this|much more) anymore|take it any longer|handle (?:it|this|life) anymore|live like this|carry on|face another day|do life)\b|\bi am (?:done|finished) with (?:life|living|everything|it all)\b|\bdone living\b|\b(?:tired|sick|exhausted|weary) of (?:living|being alive|life|existing|being here)\b|\bgive up on (?:life|living|everything)\b/g,
  },
  {
    id: 'en.indirect.no_point',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\b(?:no|any|not any|not a|there is no|is there (?:a|any)) (?:point|reason|purpose) (?:in |to |of |for )?(?:living|live|life|go on|going on|being alive|being here|anything|continuing|wake up|waking up)\b|\bwhat is the point (?:of|in) (?:living|life|anything|going on|being alive|it all)\b|\blife (?:is not|is no longer|is) (?:worth living|worth it|pointless|meaningless)\b|\bnothing to live for\b|\bwhat is (?:even )?the point (?:anymore|of (?:anything|it all|trying) anymore)\b|\b(?:leave|leaving) this world\b|\b(?:can not|do not|could not) see (?:a|any) future (?:for me|for myself|ahead)?|\bno future for me\b|\b(?:do|does|can|could) not see (?:the|a|any) (?:point|reason) (?:in|of|to) (?:living|live|life|going on|being alive|anything)\b/g,
  },
  {
    id: 'en.indirect.disappear',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\b(?:want|wants|wanted|wish|wishes|wishing|just want) (?:to |i could )?(?:disappear|vanish|cease to exist|not exist|stop existing|fall asleep and (?:never|not) wake up|go to sleep and (?:never|not) wake up|never wake up|sleep forever|not be here)\b|\bwish i (?:was|were|had) (?:never been born|not born|not alive|not here|gone)\b|\bwish i had never been born\b|\bwant (?:it|everything|the pain|this) (?:all )?to (?:end|stop|be over)\b|\bwant the pain to (?:stop|end)\b/g,
  },
  {
    id: 'en.indirect.burden',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\bi am (?:just |such |only )?a burden\b|\b(?:burden|weight) (?:to|on) (?:everyone|everybody|my family|you all|the people)\b|\bnobody (?:would|will|is going to) (?:even |really )?(?:miss|notice|care) (?:me|if i)\b|\bnobody would care if i\b|\b(?:stop|stopped|stopping) being a (?:problem|burden) (?:for|to) (?:everyone|everybody|you all|my family|them|people)\b|\bfeel like (?:such |just )?a burden\b/g,
  },
  {
    id: 'en.indirect.farewell',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /\b(?:will not|not going to) be (?:around|here) (?:much longer|for long|anymore|tomorrow|after tonight)\b|\byou will not have to (?:worry about|deal with) me (?:anymore|much longer|soon)\b|\bgiving (?:away )?(?:my|all my) (?:stuff|things) away\b|\bthis is goodbye\b|\bif i am (?:gone|not here|not around|dead) (?:tomorrow|by morning|soon|one day)\b|\bjust know (?:that )?i (?:loved|love) you\b|\b(?:posted|sent|wrote|left|recorded) (?:a|his|her|their|my) goodbye (?:message|post|video|letter|note|text)\b|\b(?:stand|standing|stood|sit|sitting) (?:near|at|on) the edge\b[^.!?]{0,40}\bthink(?:ing)? about (?:it|jumping|falling)\b/g,
  },
  // --- The word alone, and asking for help: enough to answer with care, not a verdict.
  {
    id: 'en.topic.suicide',
    tier: 'concern',
    kind: 'topic',
    pattern: /\b(?:suicide|suicidal|unalive|overdose)\b/g,
  },
  {
    id: 'en.help.crisis_line',
    tier: 'concern',
    kind: 'help',
    pattern:
      /\b(?:suicide|crisis|self[- ]harm) (?:hotline|helpline|line|number)\b|\b(?:call|calling|called|text|texting|texted|dial|dialing|dialled|dialed) 988\b|\b988 (?:lifeline|line|hotline|number)\b/g,
    subject: 'unknown',
  },
];

const idioms: IdiomRule[] = [
  {
    // A companion that remembers is asked about the person's own life: where they live, with
    // whom. These are questions of fact, not of whether to live.
    id: 'en.idiom.where_i_live',
    pattern:
      /\b(?:where|which (?:city|town|country|place)|who|with whom)\b[^.!?]{0,30}\b(?:do|did) i (?:\w+ )?live\b[^.!?]*|\bwhere i (?:\w+ )?live\b[^.!?]*/g,
  },
  {
    id: 'en.idiom.die_of',
    pattern:
      /\b(?:want to|going to|could|gonna|will|would|about to|i just) (?:just )?die (?:of|from) (?:embarrassment|laughter|laughing|shame|cringe|cuteness|boredom|happiness|excitement|joy|jealousy|envy|hunger)\b/g,
  },
  {
    id: 'en.idiom.die_hair',
    pattern:
      /\b(?:want to|going to|will|need to) die (?:my|your|her|his) (?:hair|clothes|shirt|jeans)\b/g,
  },
  {
    id: 'en.idiom.die_laughing',
    pattern:
      /\b(?:died|dying|dead|die) (?:laughing|of laughter|from laughter)\b|\b(?:died|dying|dead) (?:lol|lmao)\b|\bi am (?:so )?(?:dead|dying)(?: lol| lmao| haha| 😂| 🤣|$)/g,
  },
  {
    id: 'en.idiom.rather_die',
    pattern:
      /\b(?:i would|i had|i'd) rather die than (?!(?:live|living|go on|keep going|keep living|wake up|face (?:another|tomorrow)|go back home))\w+/g,
  },
  {
    id: 'en.idiom.killing_myself_work',
    pattern:
      /\bkilling myself (?:at|in|over|for|with|trying|to (?:finish|get|meet|make|study)|studying|working)\b(?! (?:the (?:bridge|tracks|roof)|a (?:bridge|roof)))/g,
  },
  {
    id: 'en.idiom.kill_myself_laughing',
    pattern:
      /\bkill(?:ed)? myself laughing\b|\bcould (?:just )?kill myself for (?:forgetting|missing|losing|saying|not)\b/g,
  },
  {
    id: 'en.idiom.die_happy',
    pattern:
      /\b(?:could|can|would|will) (?:now |just )?die (?:happy|a happy (?:wo)?man|content)\b/g,
  },
  {
    id: 'en.idiom.overdosed_on',
    pattern:
      /\b(?:overdosed|overdosing|overdose) on (?:coffee|caffeine|sugar|chocolate|candy|netflix|tv|anime|memes|cuteness|sunshine|music|k-?dramas?|dramas?|k-?pop|carbs|pizza|cake|content)\b/g,
  },
  { id: 'en.idiom.reassurance', pattern: /\bnot going to do anything (?:stupid|dumb|drastic)\b/g },
  {
    id: 'en.idiom.suicide_compound',
    pattern:
      /\bsuicide (?:squad|doors?|mission|missions|run|runs|sprints?|drills?|squeeze|king|wings|burn|ball|blonde|bomber|bombers|bombing|bombings|pact (?:in|scene)|forest (?:in|scene))\b/g,
  },
  {
    id: 'en.topic.informational',
    pattern:
      /\b(?:suicide|self[- ]?harm|overdose) (?:prevention|awareness|rates?|statistics|stats|research|risk factors?|warning signs|survivors? (?:day|group))\b|\b(?:essay|paper|article|report|documentary|research|lecture|class|study|studying|news|podcast|presentation|statistics) (?:on|about|of)\b[^.!?]{0,25}\b(?:suicide|self[- ]?harm)\b|\bthe (?:word|term) "?(?:suicide|kms|kys|unalive)\b|\bwhat does "?(?:kms|kys|unalive|suicide|ctb)"? mean\b/g,
  },
];

// A negation reaches the phrase across a few words that only carry it ("would never even think
// about"), not across words that say something else ("I'm not okay and I want to die").
const NEGATOR =
  /\b(?:not|never|no longer|nor|no way|nobody said)\b(?:,?\s+(?:ever|even|really|actually|seriously|honestly|going|to|want|wanting|planning|plan|think|thinking|thought|thoughts|about|of|be|wanted|needed|tried|planned|been|am|would|will|do|a|the|like|i|that|gonna|try|trying|feel|feeling|considering|consider|type|kind|person|one|who|sort|something|intend|intending))*\s*$/;
// "Suicide is not something I'd ever consider": the denial comes after the phrase.
const NEGATED_AFTER =
  /^\s*(?:is|would be|will never be|was never) (?:not|never|no longer) (?:something|an option|on the table|for me|what i want|in my plans)\b/;
const NEGATION_CANCEL =
  /\b(?:can not promise|could not promise|not sure|do not know (?:if|whether|how)|not saying|not going to lie|not gonna lie|no lie|not joking|not kidding|not that i do not|never thought i would|not even sure|not for much longer|not anymore but|can not stop|could not stop|not ever stop)\b/;
const SELF_WORD = /\b(?:i|me)\b/g;
const PERSON =
  '(?:friends?|best friend|sister|brother|sibling|mom|mum|mother|dad|father|son|daughter|kid|child|partner|boyfriend|girlfriend|bf|gf|wife|husband|roommate|flatmate|classmate|coworker|colleague|cousin|aunt|uncle|student|patient|client|neighbou?r|teammate|ex|niece|nephew|grandma|grandpa|grandmother|grandfather|boss|teacher|bestie)';
const OTHER_WORD = new RegExp(
  `\\b(?:he|she|they|him|her|them|someone|somebody|a friend|(?:my|our|his|her|their|a) (?:best |close |old )?${PERSON})\\b`,
  'g',
);
const QUOTED_BY_OTHER = new RegExp(
  `\\b(?:he|she|they|someone|somebody|${`(?:my|our|his|her|their|a) (?:best |close |old )?${PERSON}`})\\b[^"]{0,30}\\b(?:said|says|say|texted|told|wrote|writes|posted|messaged|keeps saying|kept saying|tweeted|screamed|whispered|yelled|goes|went)\\b[^"]{0,15}$`,
);
const QUOTED_BY_SELF =
  /\bi (?:said|say|told|wrote|texted|keep saying|kept saying|typed|whispered|screamed)\b[^"]{0,15}$/;
const WISH_OF_OTHER =
  /\b(?:wants|needs|plans|tries|keeps trying|is going|has decided|is trying|threatened) to\s*$/;
const THIRD_PERSON_VERB =
  /^(?:wants|needs|keeps|says|is going|has been|plans|tried|cuts|hurts|is|was|has)\b/;
const MEDIA_WORD =
  '(?:songs?|track|album|lyrics?|chorus|verse|line|movie|film|show|series|episode|book|novel|poem|title|meme|quote|band|singer|rapper|tiktok|anime|manga|game|sings?|sang|singing|listening to|listen to|playing|humming|called|titled|named|character|scene)';
const MEDIA_BEFORE = new RegExp(
  `\\b${MEDIA_WORD}\\b(?:\\s+(?:goes|go|says|said|is|are|was|called|titled|named|like|by [a-z]+|where|when|that))*\\s*[:"]?\\s*"?$`,
);
// A character's wish, in a story the person is reading or watching.
const FICTION_BEFORE =
  /\b(?:the|a|an|this|that) (?:hero|heroine|character|protagonist|main character|villain|narrator|mc)\b[^.!?"]{0,12}$/;
const MEDIA_AFTER =
  /^"?\s*(?:is (?:a|my|such a|the best|the name of) (?:favou?rite )?(?:song|track|banger|movie|film|book|line|lyric|album|anime|game)|(?:on|from) (?:the|his|her|their|my) (?:album|playlist|new album|record)|"?\s*(?:comes on|came on|is playing|was playing|on repeat))/;

function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m.index;
  return last;
}

export const englishRules: RuleSet = {
  risks,
  idioms,
  isNegated({ before, after }: PhraseContext) {
    if (NEGATED_AFTER.test(after)) return true;
    const window = before.slice(-60);
    return NEGATOR.test(window) && !NEGATION_CANCEL.test(before);
  },
  subjectOf({ before, phrase, after, quoted }: PhraseContext) {
    if (quoted) {
      // Quoted words belong to whoever the text outside the quotes says spoke them.
      const outside = before.slice(0, before.lastIndexOf('"'));
      if (QUOTED_BY_OTHER.test(outside)) return 'other';
      if (QUOTED_BY_SELF.test(outside)) return 'self';
    }
    if (/^\s*(?:him|her|them)self\b/.test(after) || WISH_OF_OTHER.test(before)) return 'other';
    if (
      /\b(?:him|her|them|your)self\b|\bwithout (?:him|her|them)\b|\b(?:his|their) (?:own )?life\b/.test(
        phrase,
      )
    )
      return 'other';
    if (/^(?:she|he|they)\b/.test(phrase)) return 'other';
    if (/\b(?:me|myself|my|i)\b/.test(phrase)) return 'self';
    if (THIRD_PERSON_VERB.test(phrase) && !/\bi\b/.test(before.slice(-6))) return 'other';
    const self = lastIndexOf(SELF_WORD, before);
    const other = lastIndexOf(OTHER_WORD, before);
    if (other > self) return 'other';
    if (self >= 0) return 'self';
    return undefined;
  },
  isMediaLine({ before, after, quoted }: PhraseContext) {
    if (MEDIA_BEFORE.test(before) || MEDIA_AFTER.test(after)) return true;
    if (FICTION_BEFORE.test(before)) return true;
    if (quoted && MEDIA_BEFORE.test(before.slice(0, before.lastIndexOf('"') + 1))) return true;
    if (quoted && /^"?\s*by [a-z]/.test(after)) return true;
    return quoted && new RegExp(`\\b${MEDIA_WORD}\\b`).test(before + ' ' + after);
  },
  distalPast:
    /\b(?:used to|years ago|months ago|a long time ago|long ago|back then|back in|when i was (?:younger|little|a (?:kid|teen|teenager|child|student))|in the past|as a (?:kid|teen|teenager|child)|in (?:high school|middle school|college|uni|university|my teens|my twenties)|last year|at one point|once upon|a few years|for years|in \d{4}|during (?:covid|lockdown|my divorce))\b/,
  present:
    /\b(?:still|again|lately|these days|recently|right now|today|tonight|anymore|every day|sometimes|starting to|all the time)\b/,
  recovery:
    /\b(?:better now|(?:am|feel|feeling|doing) (?:ok|okay|fine|good|safe|much better|a lot better|better) now|not anymore|got (?:help|through it|better)|recovered|in recovery|(?:have been|am) clean|doing (?:better|well) (?:now|these days)|(?:that|it) is (?:behind me|over)|past that|moved past|glad i am (?:still )?(?:here|alive)|grateful to be (?:here|alive)|happy to be alive)\b/,
  timing:
    /\b(?:tonight|tomorrow|this (?:weekend|evening|week)|in (?:an|one|a few|a couple of|\d+) (?:hours?|minutes?|mins?)|after (?:work|school|everyone|they|my (?:parents|family)) (?:is |are |go |goes |falls? )?(?:asleep|sleeps?|to (?:sleep|bed)|leaves?)?|before (?:morning|sunrise|tomorrow|the weekend)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at midnight|when (?:everyone|they|my parents) (?:is|are) asleep)\b/,
  soon: /\b(?:today|right now|now|this (?:morning|afternoon))\b/,
  intent:
    /\b(?:going to|will|about to|ready to|plan to|planning to|decided to|have decided|made up my mind|this is it|time to|i am doing it|gonna)\b/,
  means:
    /\b(?:pills?|tablets|meds|medication|sleeping pills|painkillers|tylenol|paracetamol|insulin|rope|noose|belt|gun|pistol|rifle|bullets?|knife|razor|blades?|bridge|roof|rooftop|ledge|cliff|train|tracks|car exhaust|charcoal|bleach|jump)\b/,
  recent:
    /\b(?:last night|yesterday|earlier today|earlier tonight|this morning|this evening|today|tonight|an hour ago|\d+ (?:minutes|hours) ago|just now|i just)\b/,
  echo: /\b(?:so do i|me too|i do too|same here|i feel the same|so am i|i am too)\b/,
};
