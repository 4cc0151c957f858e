/**
 * Every bare number in a message that could be an order number by its shape: 3 to 20 digits,
 * not an amount ("$1034", "1034.50"), not part of a longer token ("1Z999…", "SW1A"), not a
 * phone number's group. Only the store, and the shopper's own orders, can say which is an order
 * (docs/adr/0032).
 */
export function bareNumbers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w$£€.,+-])#?(\d{3,20})(?![\w.,-]\d|[\w%]|\s?(?:usd|eur|gbp|dollars|bucks|days|weeks|items|pcs|cm|mm|kg|g|ml|lbs?)\b)/gi)) {
    if (!found.includes(match[1]!)) found.push(match[1]!);
  }
  return found;
}
