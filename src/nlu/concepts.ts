/**
 * Concepts shoppers express with many words, and their pairs: "where's my money back" and
 * "refund still not on my card" share REFUND+STATUS though they share no n-gram. Pairs give the
 * linear model the conjunctions it cannot form itself.
 */
const COUNTRIES = [
  'afghanistan', 'albania', 'algeria', 'argentina', 'armenia', 'australia', 'austria', 'belgium', 'bolivia', 'bosnia', 'brazil', 'bulgaria', 'canada', 'chile', 'china', 'colombia', 'croatia', 'cyprus', 'czechia', 'czech republic',
  'denmark', 'ecuador', 'egypt', 'estonia', 'finland', 'france', 'georgia', 'germany', 'ghana', 'greece', 'hong kong', 'hungary', 'iceland', 'india', 'indonesia', 'ireland', 'israel', 'italy', 'japan', 'jordan', 'kenya', 'korea',
  'latvia', 'lebanon', 'lithuania', 'luxembourg', 'malaysia', 'malta', 'mexico', 'morocco', 'netherlands', 'holland', 'new zealand', 'nigeria', 'norway', 'pakistan', 'peru', 'philippines', 'poland', 'portugal', 'qatar', 'romania',
  'russia', 'saudi arabia', 'serbia', 'singapore', 'slovakia', 'slovenia', 'south africa', 'spain', 'sweden', 'switzerland', 'taiwan', 'thailand', 'tunisia', 'turkey', 'ukraine', 'united arab emirates', 'uae', 'united kingdom',
  'england', 'scotland', 'wales', 'united states', 'usa', 'vietnam', 'puerto rico', 'hawaii', 'alaska', 'europe', 'asia', 'africa', 'south america', 'the eu', 'overseas territories',
].join('|');

const CONCEPTS: [string, RegExp][] = [
  ['REFUND', /\b(refund\w*|money back|reimburs\w*|my money|charge ?back|paid back|pay me back|credit (it )?back|rebate\w*|compensat\w*|restitution|repay\w*)\b/],
  ['RETURN', /\b(return\w*|send (it |this |them )?back|sent (it |them )?back|ship (it )?back|mail(ed)? (it )?back|rma|drop(ped)? off)\b/],
  ['EXCHANGE', /\b(exchang\w*|swap\w*|trade|switch|instead|different size|another size|bigger|smaller|size up|size down|next size)\b/],
  ['CANCEL', /\b(cancel\w*|call off|stop (my|the) order|void|don'?t (send|ship)|annul\w*)\b/],
  ['ADDRESS', /\b(address|ship (it )?to|send (it )?to|deliver (it )?to|zip|postcode|postal code|apartment|apt|street|moved|redirect)\b/],
  ['MODIFY', /\b(add (a|an|another|one|more)|remove|change (the|my) (order|size|colou?r|item|quantity)|edit|quantity|gift wrap\w*|gift note|upgrade)\b/],
  ['STATUS', /\b(where|when|status|update|yet|still|eta|track\w*|how long|how soon|expect\w*|any news|arriv\w*|come|coming|get here|turn up|hear back|been \d+|waiting)\b/],
  ['PROBLEM', /\b(never (came|arrived|got|showed)|not (here|received|arrived)|missing|lost|stolen|late|delayed|stuck|damaged|broken|wrong (address|house|building|door)|empty|crushed|exception|failed)\b/],
  ['DELIVERED', /\b(delivered|deliver(y|ed)|courier|driver|carrier|parcel|package|ups|usps|fedex|dhl|porch|doorstep)\b/],
  ['ORDER', /\b(order\w*|purchase\w*|package|parcel|shipment|bought)\b|ordertoken/],
  ['PRODUCT', /\b(waterproof|material|fabric|size chart|sizing|fit|fits|dimensions|weight|warm|colou?rs?|in stock|stock|washable|dishwasher|battery|made of|difference between)\b/],
  ['BUY', /\b(buy|purchas\w*|checkout|check out|cart|place an order|pre-?order|gift card|pay later)\b/],
  ['POLICY', /\b(policy|policies|warranty|guarantee|terms|conditions|return window|how many days|restocking|final sale|fee|in (which|what) (cases?|situations?|circumstances)|under (which|what) (conditions|circumstances)|eligib\w*|qualif\w*|rules?|time limit|in general|generally)\b/],
  ['SHIPPING', /\b(ship(ping)? (to|cost|time|options?|rates?)|deliver(y)? (to|time|times|cost|window|estimate)|do you (ship|deliver)|international\w*|abroad|overseas|outside the (country|us|usa|uk|eu)|customs|express|overnight|free shipping|courier do you)\b/],
  // A country named: "can I order from Finland" is about where the store ships, not about buying.
  ['COUNTRY', new RegExp(`\\b(${COUNTRIES})\\b`)],
  ['PAYMENT', /\b(pay(ment|pal)?|card|charged?|declined|apple pay|klarna|afterpay|visa|amex|bank|billed|installments?)\b/],
  ['INVOICE', /\b(invoice|receipt|vat|tax id|proof of purchase|confirmation email|bill)\b/],
  ['ACCOUNT', /\b(account|log ?in|sign ?in|password|username|profile|unsubscribe|newsletter|mailing list|emails from you|gdpr|sign up|register)\b/],
  ['DISCOUNT', /\b(discount|promo|coupon|code|voucher|sale|price ?match|cheaper|deal|loyalty|points|% off|percent off)\b/],
  ['HUMAN', /\b(human|person|agent|representative|someone|somebody|staff|manager|supervisor|operator|real people|bot|robot|call me)\b/],
  ['COMPLAIN', /\b(complain\w*|worst|terrible|awful|unacceptable|disgrace\w*|useless|joke|scam|rude|ignor\w*|never (shop|order|buy))\b/],
  ['CONTACT', /\b(phone number|call you|email address|opening hours|open|hours|located|location|address of your|store in|reach you|contact|get in touch|visit)\b/],
  ['THANKS', /\b(thanks?|thank you|thx|ty|cheers|appreciate\w*|bye|goodbye|hello|hi|hey)\b/],
  ['PRAISE', /\b(love|great|amazing|awesome|perfect|beautiful|happy|impressed|suggest\w*|feedback|review|should (add|sell|offer))\b/],
  ['QUESTION', /\?|\b(how|what|which|is there|do you|does|can i|could i)\b/],
];

/** Concepts of the text and their pairs; concepts only in turned-down words (`rejected`) as `k:NOT_…`. */
export function conceptKeys(normalized: string, rejected = ''): string[] {
  const present = CONCEPTS.filter(([, pattern]) => pattern.test(normalized)).map(([name]) => name);
  const keys = present.map((name) => `k:${name}`);
  if (rejected) for (const [name, pattern] of CONCEPTS) if (!present.includes(name) && pattern.test(rejected)) keys.push(`k:NOT_${name}`);
  for (let i = 0; i < present.length; i += 1) for (let j = i + 1; j < present.length; j += 1) keys.push(`k:${present[i]}+${present[j]}`);
  if (present.length === 0) keys.push('k:NONE');
  return keys;
}
