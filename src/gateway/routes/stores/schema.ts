import { z } from 'zod';
import { brandVoiceSchema, emailSettingsSchema, escalationSchema, policySettingsSchema, settingsPatchSchema } from '../../../core/settings';
import { widgetAppearanceResponse } from '../../../core/widget-appearance';

/** Request and response shapes of the store endpoints: validation, OpenAPI and types from one place. */
export const storeIdParams = z.strictObject({ storeId: z.uuid('storeId must be a UUID') });

export const storeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  platform: z.string(),
  createdAt: z.date(),
});

export const createStoreBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    platform: z.enum(['demo', 'shopify']).default('demo'),
    settings: settingsPatchSchema.optional(),
  })
  .describe('A new store; settings default to the documented defaults');

export const createStoreResponse = z.object({
  store: storeSchema,
  apiKey: z.string().describe('secret key with the admin scope: shown once'),
  widgetKey: z.string().describe('publishable widget key: shown once'),
});

const channelStatus = z.object({ configured: z.literal(true), keyId: z.string(), updatedAt: z.string() });

export const settingsResponse = policySettingsSchema
  .extend({
    brandVoice: brandVoiceSchema,
    escalation: escalationSchema,
    allowedOrigins: z.array(z.string()),
    widget: widgetAppearanceResponse.describe('the website widget: colour, logo, greeting, position, language and strings'),
    email: emailSettingsSchema.extend({
      inboundAddress: z.string().nullable().describe('generated per store, read-only: forward the support mailbox here (null when no e-mail domain is configured)'),
    }),
    channels: z.record(z.string(), channelStatus).describe('configured channels; credentials are write-only'),
  })
  .describe('The store settings');

export { settingsPatchSchema };
