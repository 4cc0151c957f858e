import type { LineItem } from '../core/commerce';

/** Category matching and the condition questions a return asks, by category. */

const normalise = (value: string): string => value.trim().toLowerCase();

/** Whether an item is in a category: its product type or one of its tags, case-insensitively. */
export function itemInCategory(item: Pick<LineItem, 'productType' | 'tags'>, category: string): boolean {
  const wanted = normalise(category);
  if (wanted === '') return false;
  return normalise(item.productType) === wanted || item.tags.some((tag) => normalise(tag) === wanted);
}

/** The first of `categories` the item belongs to, and whether it matched by product type or tag. */
export function matchingCategory(
  item: Pick<LineItem, 'productType' | 'tags'>,
  categories: readonly string[],
): { category: string; matchedBy: 'product_type' | 'tag' } | undefined {
  for (const category of categories) {
    if (!itemInCategory(item, category)) continue;
    const matchedBy = normalise(item.productType) === normalise(category) ? 'product_type' : 'tag';
    return { category, matchedBy };
  }
  return undefined;
}

/** Condition questions by category; the first row whose category matches the item wins. */
export const conditionQuestionTable: readonly { categories: readonly string[]; questions: readonly string[] }[] = [
  {
    categories: ['apparel', 'clothing', 'shirts', 'dresses', 'pants', 'footwear', 'shoes', 'swimwear', 'underwear'],
    questions: ['Is the item unworn and unwashed, with its original tags still attached?'],
  },
  {
    categories: ['electronics', 'computers', 'phones', 'audio', 'cameras'],
    questions: ['Is the item complete with all its accessories and in its original packaging?', 'Has any personal data been removed and the device reset?'],
  },
  {
    categories: ['beauty', 'cosmetics', 'skincare', 'fragrance'],
    questions: ['Is the item unopened, with its seal intact?'],
  },
];

/** Asked when no row of the table matches. */
export const defaultConditionQuestions: readonly string[] = ['Is the item unused and in its original packaging?'];

/** The condition questions to ask before returning this item. */
export function conditionQuestionsFor(item: Pick<LineItem, 'productType' | 'tags'>): string[] {
  const row = conditionQuestionTable.find((entry) => entry.categories.some((category) => itemInCategory(item, category)));
  return [...(row?.questions ?? defaultConditionQuestions)];
}
