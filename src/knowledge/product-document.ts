import type { Product } from '../core/commerce';
import { formatMoney } from '../core/money';
import type { IngestInput } from '../core/ports/knowledge';

/** A product as a knowledge document: its description, then the facts a shopper asks about. */
export function productDocument(product: Product, currency: string): IngestInput {
  const prices = [...new Set(product.variants.map((variant) => variant.priceCents))].sort((a, b) => a - b);
  const price =
    prices.length === 0
      ? undefined
      : prices.length === 1
        ? formatMoney(prices[0]!, currency)
        : `${formatMoney(prices[0]!, currency)} to ${formatMoney(prices[prices.length - 1]!, currency)}`;
  const available = product.variants.filter((variant) => variant.available).map((variant) => variant.title);
  const soldOut = product.variants.filter((variant) => !variant.available).map((variant) => variant.title);
  const facts = [
    price && `- Price: ${price}`,
    product.productType && `- Category: ${product.productType}`,
    product.tags.length > 0 && `- Tags: ${product.tags.join(', ')}`,
    available.length > 0 && `- Available in: ${available.join(', ')}`,
    soldOut.length > 0 && `- Sold out: ${soldOut.join(', ')}`,
    product.vendor && `- Brand: ${product.vendor}`,
  ].filter(Boolean);
  const content = `# ${product.title}\n\n${product.description}\n\n${facts.join('\n')}\n`;
  return { source: `product:${product.id}`, title: product.title, format: 'markdown', content };
}
