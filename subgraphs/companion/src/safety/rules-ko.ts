/**
 * Korean risk phrases and the context that changes what they mean. Patterns read normalized
 * text (normalize.ts), where spaces between Hangul are removed: "죽고 싶지 않아" is
 * "죽고싶지않아", so one pattern covers every spacing. Korean marks negation, reported speech
 * and tense after the verb, so most context is read from the text after a phrase.
 */
import type { IdiomRule, PhraseContext, RiskRule, RuleSet } from './rule-set.js';

const PILLS = '(?:수면제|약|알약|진통제|타이레놀|안정제|신경안정제)';
const NOT_SEEM = '(?!같|\\s?같)';

const risks: RiskRule[] = [
  // --- Plans, means, notes, acts.
  {
    id: 'ko.plan.means_ready',
    tier: 'imminent',
    kind: 'plan',
    pattern: new RegExp(
      `(?:번개탄|연탄|밧줄|목맬줄)(?:을|를|도|은|는|이|가)?(?:다|벌써|이미|미리)?(?:샀|사놨|사뒀|사왔|준비|구했|구해놨|피웠|피울|피우려|챙겼)|${PILLS}(?:을|를|도|이|가)?[가-힣0-9]{0,5}?(?:모아놨|모아뒀|모아두|모았|모으고있|모아왔|쌓아놨|쌓아뒀)|유서(?:를|도|는)?(?:다|미리|벌써)?(?:썼|써놨|써뒀|쓰고있|쓰는중|남겼|남기고|준비했|작성했|쓸거|쓸꺼|쓸게|쓰려|쓸래)|마지막인사(?:를)?(?:하려|할게|남길|남기려)`,
      'g',
    ),
  },
  {
    id: 'ko.plan.timing',
    tier: 'imminent',
    kind: 'plan',
    pattern: new RegExp(
      `(?:오늘밤|오늘|지금|당장|이따가?|내일|곧|새벽에|주말에|자정에|밤에)[가-힣]{0,6}?(?:뛰어내릴|뛰어내리려|죽을|죽으려|자살할|자살하려|끝낼|끝내려|목맬|목매려|목을맬|뛰어들|뛰어들려|ㅈㅅ할|ㅈㅅ하려)(?:거|꺼)?${NOT_SEEM}(?:야|다|임|예요|에요|게|래|려고|려구|겠|예정|생각|계획|야겠|고해)?`,
      'g',
    ),
  },
  {
    id: 'ko.plan.at_edge',
    tier: 'imminent',
    kind: 'plan',
    pattern:
      /(?:옥상|다리위|한강다리|마포대교|난간|창문앞|베란다|철로|선로|다리난간)(?:에|위에|앞에|으로|이야|인데)?(?:왔|올라왔|서있|있어|나왔|가는중|가고있|올라가|올라갈)[가-힣\s]{0,15}?(?:뛰어내|죽|끝내|마지막|안녕|자살)|(?:뛰어내리려고|죽으려고|자살하려고|끝내려고)[가-힣]{0,10}?(?:옥상|다리|한강|난간|창문|베란다|철로)(?:에|으로|위에)?(?:왔|올라왔|서있|나왔|가는중|가고있|올라가)/g,
  },
  {
    id: 'ko.attempt.overdose_taken',
    tier: 'imminent',
    kind: 'plan',
    pattern: new RegExp(
      `${PILLS}(?:을|를)?(?:다|전부|몽땅|한꺼번에|한통|한움큼|왕창|잔뜩|\\d+알|\\d+개|스무알|서른알)(?:다)?(?:먹었|삼켰|털어넣었|먹어버렸)|손목(?:을)?(?:깊게|깊이)?그었는데피가`,
      'g',
    ),
  },
  {
    id: 'ko.attempt.tried',
    tier: 'elevated',
    kind: 'attempt',
    pattern:
      /(?:자살|극단적(?:인)?선택|ㅈㅅ)(?:을|를)?(?:시도|기도)|(?:죽으려고|목을?매려고|뛰어내리려고)(?:했|시도)/g,
  },
  // --- Asking how.
  {
    id: 'ko.means_inquiry.lethality',
    tier: 'elevated',
    kind: 'means_inquiry',
    pattern:
      /(?:몇알|몇개|얼마나)(?:를|을)?(?:먹어야|먹으면|삼키면)(?:죽|안깨|깨지않|못깨)|(?:안아프게|편하게|쉽게|고통없이|확실하게|빨리)(?:죽는|죽을수있는|자살하는|죽을)(?:법|방법)|(?:자살|죽는|목매는)(?:방법|하는법)|(?:몇층|얼마나높은곳)[가-힣]{0,8}?(?:떨어지면|뛰어내리면)(?:죽|확실)/g,
  },
  // --- Direct.
  {
    id: 'ko.direct.want_die',
    tier: 'elevated',
    kind: 'direct',
    pattern:
      /(?:죽고|주꼬|죽구|쥬꼬|죽꼬|쥭고)(?:싶|시프|시퍼|십|프|잡)|죽어버리고(?:싶|프)|죽어버릴까|죽어(?:야겠|야할까|야하나|야지|야돼|야해|야된다|야한다)|죽는게(?:낫|나아|나을|편할|편해|답)|(?:차라리|그냥|확|걍)(?:죽을까|죽을래|죽어버릴|죽고|죽었으면|죽는게)|죽었으면좋겠|(?:죽을|죽는)(?:생각|궁리)|죽음(?:을|만)?(?:생각|원해|바라)|뒤지고(?:싶|프)|뛰어내리고(?:싶|프)|뛰어내려버리고(?:싶|프)|디지고(?:싶|프)|뒤져버리고(?:싶|프)|뒤져버릴까|(?:그냥|걍)뒤질까/g,
  },
  {
    id: 'ko.direct.suicide',
    tier: 'elevated',
    kind: 'direct',
    pattern:
      /(?:자살|극단적(?:인)?선택|ㅈㅅ)(?:을|를)?(?:하고싶|하고프|할래|할까|할거|할꺼|할게|하려|하겠|해버릴|해버리고|해야겠|하고싶|충동|할?생각|하는상상|마렵|땡기|땡겨|하는게낫|밖에답|하고말)/g,
  },
  {
    id: 'ko.slang.suicide_vibe',
    tier: 'concern',
    kind: 'slang',
    pattern:
      /(?:자살|ㅈㅅ)각|한강(?:물|수)온도|한강수온|한강(?:에)?(?:뛰어들|입수)|한강가즈아|한강각/g,
  },
  {
    id: 'ko.direct.end_life',
    tier: 'elevated',
    kind: 'direct',
    pattern:
      /(?:생을|삶을|인생을|목숨을|내삶을|내인생을|내목숨을)(?:마감|끝내|끊|스스로끊|포기하고싶)|세상을(?:떠나|등지)(?:고싶|려고|고프|겠|ㄹ까|고말)/g,
  },
  // --- Self-harm.
  {
    id: 'ko.self_harm.act',
    tier: 'elevated',
    kind: 'self_harm',
    pattern:
      /자해|손목(?:을|에)?(?:또|다시|오늘|깊게|깊이)?(?:긋|그었|그을|그어|그엇|칼)|(?:칼|커터칼|면도칼|커터)로(?:손목|팔|허벅지|몸|살)?(?:을|를)?(?:긋|그었|그어|그을|상처)|몸에상처(?:를)?(?:냈|내고싶|내|내는)|(?:스스로|내몸을|나를)(?:다치게|해치|때리고싶|벌주)/g,
  },
  // --- Indirect.
  {
    id: 'ko.indirect.no_will_to_live',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /살기(?:가)?싫|살고싶지(?:가)?(?:않|안)|살고싶은마음이없|사는게(?:싫|지겨|지긋|무의미|의미없|고통|괴로워서)|삶이(?:싫|지겨|무의미|의미없|고통)|살(?:이유|의미|가치)(?:가|를|도)?(?:없|모르)|살아야(?:할|하는|될)이유(?:가|를)?(?:없|모르)|살아갈(?:이유|의미|자신|힘)(?:이|가|도)?없|살아서뭐(?:해|하|함)|살아있는게(?:싫|고통|괴로|지옥|힘들)|(?:더이상|더는|이제|이젠)(?:살고싶지|살기싫|살수가없|살수없|살자신|살힘)|이렇게(?:는)?살기싫|버틸힘(?:이|도)?없|살힘(?:이|도)?없/g,
  },
  {
    id: 'ko.indirect.disappear',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /(?:사라지고|없어지고|소멸하고|증발하고|사라져버리고|없어져버리고|영원히자고|영원히잠들고|영원히잠들)(?:싶|프)|(?:내가|나만|나하나)(?:사라지면|없어지면|없으면|죽으면)[가-힣]{0,10}?(?:편하|편할|편해|나을|나아|좋아하|좋을|행복|모를|슬퍼하지|신경안|모르|괜찮)|아침이(?:안|오지않)왔으면|(?:눈을?|영원히)(?:안|못)?떴으면|깨어나지(?:않았|말았)으면|안깨어났으면|안깼으면|다시는깨지않/g,
  },
  {
    id: 'ko.indirect.cant_go_on',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /(?:더이상|더는|이제|이젠)(?:못버티|버틸수(?:가)?없|못견디|견딜수(?:가)?없|못살겠|버티기힘들|못하겠어모든)|(?:모든걸|모든것을|전부|다)(?:포기하고싶|내려놓고싶|놓아버리고싶)|(?:모든걸|모든것을|다)끝내버리고싶|(?:모든걸|모든것을)끝내고싶/g,
  },
  {
    id: 'ko.indirect.burden',
    tier: 'concern',
    kind: 'indirect',
    pattern:
      /(?:내가|나는|난)[가-힣]{0,6}?(?:짐|짐덩어리|민폐|짐짝)(?:이야|야|같아|인것같|이다|만되|밖에|일뿐)|(?:짐|민폐)만되는(?:나|존재)|태어나지(?:말았|않았)(?:어야|으면)|태어난게(?:후회|잘못|죄)|왜태어났|아무도(?:나를|날)?(?:필요로하지(?:않|안)|모를|그리워하지(?:않|안)|슬퍼하지(?:않|안))|나(?:같은|따위)(?:건|거|게|애는)?(?:없어지는게|사라지는게|죽는게)/g,
  },
  // --- The word alone, and asking for help.
  {
    id: 'ko.topic.suicide',
    tier: 'concern',
    kind: 'topic',
    pattern: /자살|극단적(?:인)?선택/g,
    subject: 'unknown',
  },
  {
    id: 'ko.help.crisis_line',
    tier: 'concern',
    kind: 'help',
    pattern:
      /자살예방(?:상담)?(?:전화|번호|센터|핫라인)|(?:위기|자살)상담(?:전화|번호|센터)|109(?:번)?(?:에|이|가|로)?(?:전화|연락|걸)/g,
    subject: 'unknown',
  },
];

const idioms: IdiomRule[] = [
  // "~해 죽겠다": 배고파 죽겠어, 졸려 죽겠다, 웃겨 죽는 줄 — the most common hyperbole there is.
  {
    id: 'ko.idiom.jukgetda',
    pattern:
      /죽겠|죽을(?:것|거|꺼)같|죽을듯|죽는줄|죽을뻔|죽을맛|죽을지경|죽을만큼|죽을래\?|죽을것만같/g,
  },
  // 죽이는 노래, 죽여준다, 죽도록 사랑해, 죽어도 안 가: praise and intensity, not death.
  {
    id: 'ko.idiom.intensifier',
    pattern:
      /죽이(?:는|네|다|더라|던데|지|잖|게|고요|죠)|죽인다|죽여(?:준다|주네|주는|줘|주더라|줌|요|주게)|죽여버|죽어라(?:고)?|죽도록|죽어도|죽기살기|죽었다깨어나도|죽을힘|죽자사자|죽고못(?:살|사)/g,
  },
  // 쪽팔려서 죽고 싶어: "I could die of embarrassment".
  {
    id: 'ko.idiom.embarrassed',
    pattern:
      /(?:창피|쪽팔|부끄러|부끄럽|민망|오글거려|오글|현타와서)[가-힣]{0,4}?(?:죽고싶|자살각|사라지고싶|죽고프)/g,
  },
  // 너 죽고 싶어? / 죽고 싶냐: a tease or a threat said to someone, not a wish.
  {
    id: 'ko.idiom.tease',
    pattern:
      /(?:너|니가|너네|넌|너희|니)[가-힣]{0,4}?(?:죽고싶|죽을래|뒤지고싶|뒤질래)[가-힣]{0,2}?[?냐니]|(?:죽고싶|뒤지고싶)(?:냐|니\?)|뒤질래/g,
  },
  {
    id: 'ko.idiom.game',
    pattern:
      /(?:게임|롤|배그|캐릭|캐릭터|몹|보스|좀비|오버워치|발로란트|마크)(?:에서|에서는|가|이|는)?[가-힣]{0,6}?(?:죽|자살)/g,
  },
  {
    id: 'ko.topic.informational',
    pattern:
      /(?:자살|자해)(?:예방(?!상담|전화|센터|핫라인|번호)|률|율|통계|방지|유가족|관련(?:기사|뉴스|보도)|보도|사건|뉴스|기사|문제|다큐)|(?:뉴스|기사|보도|논문|과제|발표|레포트|리포트|다큐|수업|연구|통계)(?:에서|에|로|를|는)?[가-힣]{0,8}?(?:자살|자해)/g,
  },
];

const THIRD_PERSON =
  /(?:친구|동생|언니|오빠|누나|형|엄마|아빠|어머니|아버지|남친|여친|남자친구|여자친구|애인|남편|아내|와이프|딸|아들|걔|쟤|얘|그사람|그애|그녀|그가|동료|룸메|룸메이트|학생|선배|후배|지인|사촌|할머니|할아버지|아는사람|누가|누군가|사람들|반친구|베프|절친|조카)(?:가|이|는|은|도|께서|께서는)/g;
const SELF_SUBJECT = /(?:내가|나는|나도|저는|제가|저도|난요즘|난진짜|난그냥|난정말)/g;
const REPORTED =
  /^(?:대|래|대요|래요|다네|다더라|다던데|대서|래서|어해|어한|어하|어했|다더|한대|했대|하대|다던|었대|았대|다는데|단다)/;
// "말" negates only as "~지 마/말" (죽지 마), never as the noun (죽고 싶다는 말을).
const NEGATED_AFTER =
  /^(?:다는|다고|은|는|을|지|진|지는|지도|할|는거|은거|기는|긴|기|다거나)?(?:같은)?(?:생각|마음|맘|건|거|것|게|일|계획|의도)?(?:은|는|이|가|까지|도|까진)?(?:전혀|절대|하나도|결코|딱히|별로)?(?:안|않|없|아니|지마|지말)/;
const NEGATION_CANCEL_AFTER =
  /^(?:지|진)(?:않은|않는)(?:날|적|때|순간)(?:이|은|도)?(?:없|거의없|하루도없)/;
const MEDIA_WORD =
  '(?:노래|곡|가사|제목|영화|드라마|책|소설|웹툰|시|대사|밈|챌린지|앨범|뮤비|애니|만화|유행어|아이유|노래방)';
const MEDIA_BEFORE = new RegExp(
  `${MEDIA_WORD}(?:이|가|는|은|에|에서|의|중에|제목이|가사가|가사에|가사는|에는)?\\s*[:"]?\\s*"?$`,
);
const MEDIA_AFTER = new RegExp(
  `^"?\\s*(?:[가-힣]{0,2})?(?:라는|이라는|란|다는|라고|이라고)${MEDIA_WORD}|^"?\\s*(?:라는|이라는|란|라고)?(?:말|구절|가사)(?:이|가)?(?:나와|나오|있|반복)|^"?\\s*(?:라고|이라고)(?:노래하|부르|외치는노래)`,
);

export const koreanRules: RuleSet = {
  risks,
  idioms,
  isNegated({ before, after }: PhraseContext) {
    if (NEGATION_CANCEL_AFTER.test(after)) return false;
    if (NEGATED_AFTER.test(after.replace(/^[\s,]+/, ''))) return true;
    return /(?:절대|결코)(?:안|않)?$/.test(before);
  },
  subjectOf({ before, after }: PhraseContext) {
    if (REPORTED.test(after)) return 'other';
    let other = -1;
    let self = -1;
    THIRD_PERSON.lastIndex = 0;
    for (let m = THIRD_PERSON.exec(before); m; m = THIRD_PERSON.exec(before)) other = m.index;
    SELF_SUBJECT.lastIndex = 0;
    for (let m = SELF_SUBJECT.exec(before); m; m = SELF_SUBJECT.exec(before)) self = m.index;
    if (other > self) return 'other';
    if (self >= 0) return 'self';
    return undefined;
  },
  isMediaLine({ before, after, quoted }: PhraseContext) {
    if (MEDIA_BEFORE.test(before) || MEDIA_AFTER.test(after)) return true;
    return quoted && new RegExp(MEDIA_WORD).test(before + after);
  },
  distalPast:
    /예전에|예전엔|옛날에|옛날엔|한때|한동안|어렸을때|어릴때|학생때|고등학생때|중학생때|고등학교때|중학교때|대학교때|대학때|몇년전|몇달전|작년에|재작년|과거에|그때는|그땐|\d+년전|사춘기때|군대에서|전에는|었었|았었|했었|였었/,
  present: /요즘|요새|지금도|아직도|아직|또|다시|계속|매일|방금|자꾸|맨날|여전히|오늘/,
  recovery:
    /지금은(?:괜찮|좋|행복|나아|안그래|극복|잘지내|살만|그런생각안)|이제는?(?:괜찮|안그래|극복|살만|행복)|많이나아졌|극복했|좋아졌|치료받고(?:괜찮|나아)|지금은그런생각/,
  timing: /오늘밤|이따가?|내일|새벽에|주말에|자정에|이번주/,
  soon: /오늘|지금|당장|곧/,
  intent: /거야|꺼야|거다|겠어|겠다|할게|려고|려구|기로했|결심|작정|예정|계획|할래/,
  means:
    /수면제|알약|진통제|번개탄|연탄|밧줄|칼|면도칼|커터칼|옥상|다리위|한강|난간|창문|베란다|철로|선로|유서|목맬|뛰어내/,
  recent: /어제|어젯밤|아까|방금|오늘|좀전에|조금전에|한시간전|새벽에/,
  echo: /(?:나도|저도)(?:그래|마찬가지|그렇|야|요|그래요|똑같)/,
};
