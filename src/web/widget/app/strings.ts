import en from '../../../../locales/widget/en.json';

/** Every word the widget shows, in English until the store's appearance (GET /v1/widget/appearance) says otherwise. */
export const defaultStrings = en;

export type WidgetStrings = typeof en;
