/**
 * Sentences about the request rather than of it: claims of how hard it is, how to answer it,
 * which model should take it. A prompt is attacker-controlled input, so the estimator never
 * reads these as instructions. They are cut out before any feature is counted, which makes
 * the score exactly blind to them, and counted separately so the implausibility check and the
 * audit can see that someone tried.
 */
export type MetaClaimKind = "easeClaims" | "hardClaims" | "answerStyle" | "reasoningIncantations" | "personas" | "routingRequests" | "pleasantries";

// A claim starts at a word boundary, with any joining word before it ("and this is easy"), so
// that no dangling "and" is left behind to count as a clause. A plain \b, not a look-behind:
// it lets the engine skip ahead quickly, several times faster on long prompts.
const lead = String.raw`\b(?:(?:and|but|so|also|btw|by the way|ok|okay|oh|fyi|note|honestly|frankly|basically|actually|seriously|trust me|i think|i believe|i guess)[,:]?\s+)?`;
const tail = String.raw`(?:\s*[,;:.!?)\]…—–*_-])*\s*`;
const intensifier = String.raw`(?:very |really |super |duper |pretty |quite |rather |so |extremely |incredibly |truly |genuinely |ridiculously |absurdly |laughably |dead |fairly |relatively |kind of |sort of |an? )*`;
// A bare "quick question" or "hard problem" is a claim only where a sentence starts; inside
// one ("finish the difficult puzzle") it is content.
const sentenceStart = String.raw`(?<=(?:^|[.!?:;\n(\[*_#>"“'‘—–-])[ \t]{0,3})`;
const easyWord = String.raw`(?:easy|simple|trivial|basic|straightforward|quick|elementary|obvious|dumb|silly|no[- ]brainer)`;
const hardWord = String.raw`(?:hard|difficult|complex|complicated|challenging|tricky|advanced|sophisticated|nuanced|demanding|intricate|deep|expert[- ]level|phd[- ]level|graduate[- ]level|research[- ]level)`;
const taskNoun = String.raw`(?:question|task|problem|request|query|exercise|puzzle|prompt)`;
const claimVerb = String.raw`(?:'s| is| was| should be| will be| seems| looks)`;

interface CatalogueEntry {
  kind: MetaClaimKind;
  pattern: string;
}

/**
 * Tried in this order at each word: kinds whose claims may open with "please" ("please use
 * the best model") come before the pleasantries, which would otherwise take the "please" alone.
 */
const catalogue: readonly CatalogueEntry[] = [
  {
    kind: "easeClaims",
    pattern:
      String.raw`(?:this|it|that|the following)${claimVerb} ${intensifier}${easyWord}(?: one| ${taskNoun})?(?: for you)?` +
        String.raw`|(?:this|the|that) (?:one|${taskNoun})${claimVerb} ${intensifier}${easyWord}` +
        String.raw`|${sentenceStart}(?:just )?${intensifier}${easyWord}(?: (?:one|${taskNoun}))?(?: for you)?(?=\s*[,.!?:;—–-]|\s*$)` +
        String.raw`|${sentenceStart}(?:difficulty|level)\s*[:=-]\s*(?:very )?(?:easy|simple|trivial|low|basic)` +
        String.raw`|(?:there is |there's )?no need to (?:think|reason|overthink|explain|show (?:your |the )?work|elaborate)(?: (?:hard|much|too much|long|carefully|about it|deeply))*` +
        String.raw`|(?:do not|don't|dont) (?:overthink|think too (?:hard|much)|need to think)(?: (?:it|this|about it))?` +
        String.raw`|(?:even )?a (?:child|kid|five[- ]year[- ]old|first[- ]grader) (?:could|can) (?:answer|do|solve) (?:this|it)` +
        String.raw`|(?:this|it) (?:should|will) (?:only )?take (?:a )?(?:second|moment|minute|sec)`,
  },
  {
    kind: "hardClaims",
    pattern:
      String.raw`(?:this|it|that|the following)${claimVerb} ${intensifier}${hardWord}(?: one| ${taskNoun})?` +
        String.raw`|(?:this|the|that) (?:one|${taskNoun})${claimVerb} ${intensifier}${hardWord}` +
        String.raw`|${sentenceStart}${intensifier}${hardWord} (?:one|${taskNoun})(?=\s*[,.!?:;—–-]|\s*$)` +
        String.raw`|${sentenceStart}(?:difficulty|level)\s*[:=-]\s*(?:very )?(?:hard|difficult|high|advanced|expert)` +
        String.raw`|(?:that |which |this |it )?(?:requires?|needs?|demands?|calls for) (?:(?:very|really|extremely|deep|careful|expert|advanced|rigorous|serious|extensive|phd[- ]level|graduate[- ]level|a lot of) ){1,4}(?:reasoning|thinking|thought|expertise|knowledge|analysis|understanding)` +
        String.raw`|(?:only )?(?:an? )?(?:expert|genius|phd|professional) (?:could|can|would) (?:answer|solve|do) (?:this|it)`,
  },
  {
    kind: "routingRequests",
    pattern:
      String.raw`(?:please )?(?:use|route (?:this|it)? ?to|send (?:this|it)? ?to|pick|choose|escalate to|switch to) (?:the |your |a )?(?:strongest|best|smartest|biggest|largest|most (?:capable|powerful|advanced|expensive|intelligent)|premium|frontier|cloud|strong|stronger|weak|weaker|cheap|cheapest) (?:model|tier|llm|ai|engine)s?` +
        String.raw`|(?:please )?(?:use|route (?:this|it)? ?to|send (?:this|it)? ?to) (?:gpt-?[\w.-]*|claude[\w.-]*|opus|sonnet|gemini[\w.-]*|o[134](?:-\w+)?|llama[\w.-]*|mistral[\w.-]*|mixtral[\w.-]*)(?=[\s,.!?:;]|$)` +
        String.raw`|(?:this|it) (?:requires|needs|deserves) (?:the )?(?:gpt-?[\w.-]*|claude[\w.-]*|strongest model|best model|a (?:strong|frontier|big) model)`,
  },
  {
    kind: "reasoningIncantations",
    pattern:
      String.raw`(?:let's|let us|please|you should|you must|make sure to|be sure to|remember to)? ?think (?:about (?:it|this) )?(?:carefully |slowly |hard |deeply )?(?:and )?(?:step[- ]by[- ]step|step by step|one step at a time|it through|carefully|hard|deeply|slowly)` +
        String.raw`|(?:let's |let us )?(?:work|reason|go) (?:this |it )?(?:out |through )?(?:it )?(?:step[- ]by[- ]step|step by step|one step at a time)` +
        String.raw`|(?:please )?take (?:a )?deep breath` +
        String.raw`|(?:please )?(?:show|explain) (?:all )?(?:your|the) (?:work|reasoning|steps|thinking|chain of thought)` +
        String.raw`|(?:use|with) (?:a )?chain[- ]of[- ]thought(?: reasoning)?` +
        String.raw`|(?:double|triple)[- ]check (?:your|the) (?:answer|work|reasoning)`,
  },
  {
    kind: "personas",
    pattern:
      String.raw`(?:you are|you're|act as|pretend (?:to be|you are)|imagine you are) (?:an? |the )?(?:very |highly |extremely )?(?:helpful|expert|world[- ]class|brilliant|genius|smart|skilled|experienced|knowledgeable|senior|professional|careful)(?: [A-Za-z-]+){0,4}?(?=\s*[.!,;:\n]|$)`,
  },
  {
    kind: "answerStyle",
    pattern:
      String.raw`(?:please )?(?:answer|respond|reply) (?:this )?(?:very |really )?(?:quickly|fast|briefly|concisely|immediately|right away|asap|in (?:one|a single|few) (?:word|words|line|sentence)|without (?:explanation|thinking|reasoning))` +
        String.raw`|(?:please )?(?:just|only) (?:(?:give|tell|send|show|output|print|return) (?:me )?)?(?:the )?(?:final )?(?:answer|number|result|code)(?: only)?(?:,? please)?(?=\s*[,.!?:;]|\s*$)` +
        String.raw`|(?:please )?(?:be|keep it|keep (?:the|your) answer) (?:very |really )?(?:brief|quick|short|concise|fast)` +
        String.raw`|(?:no|without) (?:explanation|explanations|details|reasoning)(?: (?:needed|necessary|required|please))?` +
        String.raw`|(?:quick|fast|short) answer(?: please)?` +
        String.raw`|(?:tl;?dr|eli5)`,
  },
  {
    kind: "pleasantries",
    pattern:
      String.raw`(?:hi|hello|hey|greetings|good (?:morning|afternoon|evening))(?: there)?(?=[\s,.!]|$)` +
        String.raw`|thanks?(?: you)?(?: (?:so|very) much)?(?: in advance)?(?=[\s,.!]|$)|thx(?=[\s,.!]|$)` +
        String.raw`|(?:please|pls|plz|kindly)(?=[\s,.!:]|$)`,
  },
];

/** All kinds in one pattern, one named group each: a single pass over the text, not seven. */
const claimPattern = new RegExp(`${lead}(?:${catalogue.map(({ kind, pattern }) => `(?<${kind}>${pattern})`).join("|")})${tail}`, "gi");

export interface MetaClaimRemoval {
  /** The text with every catalogued claim cut out. */
  content: string;
  counts: Record<MetaClaimKind, number>;
}

/** Cuts catalogued meta-claims out of `text` and counts them by kind. Linear in the text. */
export function removeMetaClaims(text: string): MetaClaimRemoval {
  const counts: Record<MetaClaimKind, number> = {
    easeClaims: 0,
    hardClaims: 0,
    answerStyle: 0,
    reasoningIncantations: 0,
    personas: 0,
    routingRequests: 0,
    pleasantries: 0,
  };
  const content = text.replace(claimPattern, (match: string, ...rest: unknown[]) => {
    const groups = rest[rest.length - 1] as Partial<Record<MetaClaimKind, string>>;
    const kind = catalogue.find((entry) => groups[entry.kind] !== undefined)?.kind;
    if (kind !== undefined) counts[kind] += 1;
    // Keep a line break or a sentence end so the neighbours do not fuse into one sentence.
    return /\n/.test(match) ? "\n" : /[.!?…]/.test(match) ? ". " : " ";
  });
  return { content, counts };
}
