import lexicon from './lexicon.json' with { type: 'json' };

const LEXICON = lexicon as Record<string, number>;
const NEGATORS = new Set(['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't", 'cannot', 'without', 'hardly', 'nothing', 'nor', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'cant', 'wont']);
const INTENSIFIERS = new Set(['very', 'so', 'extremely', 'really', 'absolutely', 'totally', 'completely', 'super', 'incredibly', 'utterly', 'beyond', 'seriously', 'truly', 'such']);
const DIMINISHERS = new Set(['slightly', 'somewhat', 'bit', 'kinda', 'kind', 'little', 'fairly', 'rather']);
const NEGATIVE_EMOJI = /[😡😠🤬😤😞😢😭👎🙄😒😩😫💩😑😕☹🙁😣😖]/u;
const POSITIVE_EMOJI = /[😊😀😃😄😁😍🥰👍🙏❤💕😘🤩🎉✨💯😇🙂☺]/u;
// Praise turned against the writer's situation: "great, another delay", "oh perfect, now it's broken".
// "Thanks again" and "great flight again" are sincere, so "again" and "now" need the sneer of "oh/just/so".
const SARCASM = /\b(great|wonderful|fantastic|perfect|brilliant|awesome|lovely|nice)\b[,.!…]*\s*(another|still|just what|a week|two weeks)\b|\b(oh|just|so) (great|wonderful|fantastic|perfect|brilliant|awesome|lovely|nice)\b[,.!…]*\s*(again|now|more)\b|\bthanks? for nothing\b|\byeah,? right\b|\blove (how|it when) (you|it|my)\b|\bgreat (service|job)[.!]*\s*(not|\/s)\b|\bwow,? (just )?wow\b|\bso much for\b|\bwhat a (joke|surprise)\b|#(sarcasm|not)\b/i;
const CHURN = /\b(charge ?back|dispute (the|this) (charge|payment)|file a dispute|my bank|bbb|better business bureau|lawyer|attorney|sue|legal action|trading standards|never (order\w*|shop\w*|buy\w*|com\w*) (again|from you|here)|last time i (order|shop|buy)|cancel(l?ing)? my (account|membership)|report (you|this)|leave a (bad|negative|1[- ]star) review|going to (amazon|a competitor)|done with (you|this (shop|store|company))|lost (a|another) customer|(tell|telling|warn|warning) (everyone|everybody|all my friends|people)|avoid (you|this (shop|store|company))|credit card company|(or( else)?|otherwise) i('ll| will)? (cancel|dispute|report|leave|go)|i swear if)\b/i;
const REPEATED = /\b((third|3rd|fourth|4th|fifth|5th|second|2nd) (time|email|message|request)|how many times|(twice|three times|four times|five times|\d+ times|several times|so many times) (now|already)|again and again|(have|had) to (chase|keep asking|ask again)|do you even read|(asked|told|emailed|written|contacted|called)( you)? (\w+ )?(times|twice|again)|still (waiting|nothing|no|not|haven'?t|hasn'?t)|keep (asking|waiting|getting)|no (one|body) (has )?(replied|answered|responded|gets back)|been waiting (for )?(\w+ )?(days|weeks|forever|ages))\b/i;
const SUPPORT_NEGATIVE = /\b(never (arrived|came|received|showed)|not (received|arrived|working|happy|satisfied|good|acceptable)|doesn'?t work|stopped working|where the (hell|heck|f)|what the (hell|heck|f)|sick (and|of)|fed up|had enough|enough is enough|no response|not responding|waste of (money|time))\b/i;

export interface SentimentCues {
  /** Lexicon score with negation, intensifiers and emoji; unbounded. */
  lexical: number;
  capsRatio: number;
  exclamations: number;
  questions: number;
  sarcasm: boolean;
  churnThreat: boolean;
  repeatedContact: boolean;
  supportNegative: boolean;
  profanity: boolean;
  anger: boolean;
}

// Anger said outright, whatever the rest of the message: frustration, not only a negative tone.
const ANGER = /\b(angry|furious|livid|outraged|fuming|infuriat\w*|pissed( off)?|sick of|fed up|had enough|beyond a joke|you (guys |people )?suck|stop lying|lying to me|liars?|ridiculous|unbelievable)\b/i;

const PROFANITY = /\b(f+u+c+k\w*|sh[i1]t\w*|wtf|bullshit|crap|damn|hell|bs|piss\w*|f\*+k)\b/i;

/** The surface signals of tone in a support message. */
export function sentimentCues(text: string): SentimentCues {
  const raw = text.replace(/https?:\/\/\S+/g, ' ');
  const tokens = raw.toLowerCase().replace(/[’`]/g, "'").match(/[a-z']+|[!?]/g) ?? [];
  let lexical = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const weight = LEXICON[tokens[i]!];
    if (weight === undefined) continue;
    let value = weight;
    const window = tokens.slice(Math.max(0, i - 3), i);
    if (window.some((t) => NEGATORS.has(t))) value = weight > 0 ? -weight * 0.8 : -weight * 0.3;
    if (window.slice(-2).some((t) => INTENSIFIERS.has(t))) value *= 1.5;
    if (window.slice(-2).some((t) => DIMINISHERS.has(t))) value *= 0.6;
    lexical += value;
  }
  if (NEGATIVE_EMOJI.test(raw)) lexical -= 2;
  if (POSITIVE_EMOJI.test(raw)) lexical += 2;
  const letters = raw.match(/[A-Za-z]{2,}/g) ?? [];
  const capsWords = letters.filter((w) => w.length >= 2 && w === w.toUpperCase() && !/^(I|OK|ID|US|UK|EU|XL|XS|UPS|USPS|DHL|RMA|PDF|FAQ|ETA)$/.test(w));
  return {
    lexical,
    capsRatio: letters.length >= 3 ? capsWords.length / letters.length : 0,
    exclamations: (raw.match(/!/g) ?? []).length,
    questions: (raw.match(/\?\?+/g) ?? []).length,
    sarcasm: SARCASM.test(raw),
    churnThreat: CHURN.test(raw),
    repeatedContact: REPEATED.test(raw),
    supportNegative: SUPPORT_NEGATIVE.test(raw),
    profanity: PROFANITY.test(raw),
    anger: ANGER.test(raw),
  };
}

/** The cues as sparse feature keys, so the learned sentiment model can weigh them. */
export function cueKeys(cues: SentimentCues): string[] {
  const keys = [`lex:${Math.max(-4, Math.min(4, Math.round(cues.lexical)))}`];
  if (cues.lexical < 0) keys.push('lex:neg');
  if (cues.lexical > 0) keys.push('lex:pos');
  if (cues.capsRatio > 0.5) keys.push('caps:high');
  if (cues.exclamations >= 2) keys.push('excl:many');
  if (cues.questions > 0) keys.push('q:many');
  if (cues.sarcasm) keys.push('sarcasm');
  if (cues.churnThreat) keys.push('churn');
  if (cues.repeatedContact) keys.push('repeated');
  if (cues.supportNegative) keys.push('supportneg');
  if (cues.profanity) keys.push('profanity');
  if (cues.anger) keys.push('anger');
  return keys;
}
