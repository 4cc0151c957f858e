import { z } from 'zod';
import { plainText } from './safe-text';
import { checkWidgetAppearance, defaultWidgetAppearance, widgetAppearanceSchema } from './widget-appearance';

/** Store settings: the policy figures the policy engine decides with, brand voice, escalation, origins. */
const origin = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'must be an origin such as https://shop.example.com (scheme, host, optional port; no path)')
  .transform((value) => value.toLowerCase());

const category = z.string().trim().min(1).max(100);

export const refundReasons = ['damaged', 'defective', 'not_received', 'wrong_item', 'not_as_described', 'changed_mind', 'late', 'other'] as const;

export const brandVoiceSchema = z.strictObject({
  name: plainText('name', z.string().trim().min(1).max(80)),
  tone: z.enum(['friendly', 'formal', 'playful', 'concise']),
  signOff: plainText('note', z.string().max(200)),
});

export const escalationSchema = z.strictObject({
  minConfidence: z.number().min(0).max(1),
  onNegativeSentiment: z.boolean(),
  highValueOrderAmount: z.number().min(0),
  maxUnresolvedTurns: z.number().int().min(1).max(20),
});

/**
 * One abuse limit: what one shopper (by customer, e-mail, address or payment fingerprint) may get
 * without a human over a rolling window. `automatic`: refunds paid without a human; `returnless`:
 * refunds without the goods back, however approved. Above either figure a human approves.
 */
export const refundLimitSchema = z.strictObject({
  kind: z.enum(['automatic', 'returnless']),
  windowDays: z.number().int().min(1).max(365),
  maxCount: z.number().int().min(0).max(1000),
  maxAmount: z.number().min(0).max(1_000_000),
});
export type RefundLimit = z.infer<typeof refundLimitSchema>;

/**
 * Evidence a returnless refund for a claim about the goods (damaged, defective, wrong item…) needs
 * before anyone pays it: a photo `always`, only when the amount asked is over `photoOverAmount`
 * (`over_amount`), or `never`. A claim with its photo goes to a human with the photo attached;
 * without one nothing is requested and the agent asks for it (docs/adr/0034).
 */
export const evidenceSchema = z.strictObject({
  photo: z.enum(['always', 'over_amount', 'never']),
  photoOverAmount: z.number().min(0).max(1_000_000),
  reasons: z.array(z.enum(refundReasons)),
});
export type EvidencePolicy = z.infer<typeof evidenceSchema>;
export const defaultEvidence: EvidencePolicy = { photo: 'always', photoOverAmount: 0, reasons: ['damaged', 'defective', 'wrong_item', 'not_as_described'] };

/** The e-mail channel's sender (the inbound address is generated per store and shown beside these, read-only). */
export const emailSettingsSchema = z.strictObject({
  fromName: plainText('name', z.string().trim().max(100)),
  fromAddress: z.string().trim().max(254).pipe(z.email('must be an e-mail address such as support@shop.example.com')).nullable(),
});

/** What Concierge may start on its own, before the shopper asks. */
export const proactiveSettingsSchema = z.strictObject({
  /** Watch shipped orders and write to the shopper (and hand to the team) when a parcel is stuck, never scanned or returning. */
  shipmentExceptions: z.boolean(),
});

export const policySettingsSchema = z.strictObject({
  returnWindowDays: z.number().int().min(0).max(365),
  excludedReturnCategories: z.array(category).max(100),
  refundAutoApproveLimit: z.number().min(0).max(1_000_000),
  refundWindowDays: z.number().int().min(0).max(365),
  returnlessRefundReasons: z.array(z.enum(refundReasons)),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'),
  maxRefundsPerOrder: z.number().int().min(0).max(100),
  refundLimits: z.array(refundLimitSchema).max(20),
  evidence: evidenceSchema,
  brandVoice: brandVoiceSchema,
  escalation: escalationSchema,
  allowedOrigins: z.array(origin).max(50),
  widget: widgetAppearanceSchema,
  email: emailSettingsSchema,
  proactive: proactiveSettingsSchema,
  /** Wording guidance for a remote model (tone, words to use or avoid), appended to its prompt in a fenced section: it cannot change the rules. */
  modelInstructions: plainText('note', z.string().max(1000)),
});

export type StoreSettings = z.infer<typeof policySettingsSchema>;

export const defaultSettings: StoreSettings = {
  returnWindowDays: 30,
  excludedReturnCategories: ['final-sale', 'gift-card'],
  refundAutoApproveLimit: 50,
  refundWindowDays: 30,
  returnlessRefundReasons: ['damaged', 'defective', 'not_received'],
  currency: 'USD',
  maxRefundsPerOrder: 1,
  refundLimits: [
    { kind: 'automatic', windowDays: 1, maxCount: 2, maxAmount: 100 },
    { kind: 'automatic', windowDays: 30, maxCount: 4, maxAmount: 200 },
    { kind: 'returnless', windowDays: 30, maxCount: 2, maxAmount: 100 },
  ],
  evidence: defaultEvidence,
  brandVoice: { name: 'Concierge', tone: 'friendly', signOff: '' },
  escalation: { minConfidence: 0.55, onNegativeSentiment: true, highValueOrderAmount: 500, maxUnresolvedTurns: 3 },
  allowedOrigins: [],
  widget: defaultWidgetAppearance,
  email: { fromName: '', fromAddress: null },
  proactive: { shipmentExceptions: false },
  modelInstructions: '',
};

/** A helpdesk account name: it becomes a host name, so nothing but a DNS label. */
const helpdeskAccount = (what: string) => z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/, `must be ${what}`);
/** `reply`: the agent answers as a public reply; `review`: as an internal note with the suggested reply, for a person to send. */
const helpdeskMode = z.enum(['reply', 'review']);
/** A group or team id: a number, or its digits as the console's text field sends them. */
const helpdeskId = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,15}$/, 'must be a number')]);

/** Channel and provider credentials: accepted on PATCH, stored encrypted, never returned. */
export const channelCredentialsSchema = z.strictObject({
  shopify: z.strictObject({ shopDomain: z.string().min(1), accessToken: z.string().min(1), webhookSecret: z.string().min(1).optional() }).nullable().optional(),
  stripe: z
    .strictObject({
      secretKey: z.string().regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)'),
      webhookSecret: z.string().regex(/^whsec_[A-Za-z0-9_+/=]+$/, 'must be a Stripe webhook signing secret (whsec_…)').optional(),
      /** The PaymentIntent metadata field that holds the order's number (without #), to find an order's payment. */
      orderMetadataKey: z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/).optional(),
    })
    .nullable()
    .optional(),
  shipping: z
    .strictObject({
      provider: z.literal('easypost'),
      apiKey: z.string().min(1),
      /** Where return parcels go (the store's warehouse): required for return labels. */
      returnAddress: z
        .strictObject({
          name: z.string().min(1).max(100).optional(),
          company: z.string().min(1).max(100).optional(),
          street1: z.string().min(1).max(200),
          street2: z.string().max(200).optional(),
          city: z.string().min(1).max(100),
          state: z.string().max(50).optional(),
          zip: z.string().min(1).max(20),
          country: z.string().length(2),
          phone: z.string().max(30).optional(),
        })
        .optional(),
      /** The parcel a return is labelled for, in inches and ounces (EasyPost's units). */
      returnParcel: z.strictObject({ length: z.number().positive(), width: z.number().positive(), height: z.number().positive(), weight: z.number().positive() }).optional(),
    })
    .nullable()
    .optional(),
  /** Zendesk Support: the agent user's e-mail and API token, or an OAuth token; the webhook's signing secret; where handoffs go (docs/helpdesks.md). */
  zendesk: z
    .strictObject({
      subdomain: helpdeskAccount('the Zendesk subdomain, e.g. acme for acme.zendesk.com'),
      email: z.email().optional(),
      apiToken: z.string().min(1).max(200).optional(),
      oauthToken: z.string().min(1).max(500).optional(),
      webhookSecret: z.string().min(1).max(200).optional(),
      handoffGroupId: helpdeskId.optional(),
      mode: helpdeskMode.optional(),
    })
    .refine((c) => Boolean(c.oauthToken) || Boolean(c.email && c.apiToken), { message: 'give email and apiToken, or oauthToken' })
    .nullable()
    .optional(),
  /** Gorgias: the agent user's e-mail and API key; the secret its HTTP integration sends; where handoffs go. */
  gorgias: z
    .strictObject({
      domain: helpdeskAccount('the Gorgias account, e.g. acme for acme.gorgias.com'),
      email: z.email(),
      apiKey: z.string().min(1).max(200),
      webhookSecret: z.string().min(16, 'use at least 16 random characters').max(200).optional(),
      handoffTeamId: helpdeskId.optional(),
      mode: helpdeskMode.optional(),
    })
    .nullable()
    .optional(),
  email: z.strictObject({ fromAddress: z.string().email(), inboundSecret: z.string().min(1).optional() }).nullable().optional(),
});
export type ChannelCredentialsPatch = z.infer<typeof channelCredentialsSchema>;
export type ChannelName = keyof ChannelCredentialsPatch;

export const settingsPatchSchema = z.strictObject({
  returnWindowDays: policySettingsSchema.shape.returnWindowDays.optional(),
  excludedReturnCategories: policySettingsSchema.shape.excludedReturnCategories.optional(),
  refundAutoApproveLimit: policySettingsSchema.shape.refundAutoApproveLimit.optional(),
  refundWindowDays: policySettingsSchema.shape.refundWindowDays.optional(),
  returnlessRefundReasons: policySettingsSchema.shape.returnlessRefundReasons.optional(),
  currency: policySettingsSchema.shape.currency.optional(),
  maxRefundsPerOrder: policySettingsSchema.shape.maxRefundsPerOrder.optional(),
  refundLimits: policySettingsSchema.shape.refundLimits.optional(),
  evidence: evidenceSchema.partial().optional(),
  brandVoice: brandVoiceSchema.partial().optional(),
  escalation: escalationSchema.partial().optional(),
  allowedOrigins: policySettingsSchema.shape.allowedOrigins.optional(),
  widget: widgetAppearanceSchema.partial().optional(),
  email: emailSettingsSchema
    .partial()
    .extend({ inboundAddress: z.never({ error: 'email.inboundAddress is generated for the store and read-only' }).optional() })
    .optional(),
  modelInstructions: policySettingsSchema.shape.modelInstructions.optional(),
  proactive: proactiveSettingsSchema.partial().optional(),
  channels: channelCredentialsSchema.optional(),
});
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** Merges a patch into settings (nested objects field by field); channels are handled apart. */
export function applySettingsPatch(current: StoreSettings, patch: SettingsPatch): StoreSettings {
  const { channels: _channels, brandVoice, escalation, widget, email, proactive, evidence, ...flat } = patch;
  const defined = Object.fromEntries(Object.entries(flat).filter(([, value]) => value !== undefined));
  const next = policySettingsSchema.parse({
    ...current,
    ...defined,
    brandVoice: { ...current.brandVoice, ...brandVoice },
    escalation: { ...current.escalation, ...escalation },
    evidence: { ...current.evidence, ...evidence },
    widget: { ...current.widget, ...widget },
    proactive: { ...current.proactive, ...proactive },
    email: { ...current.email, ...Object.fromEntries(Object.entries(email ?? {}).filter(([key, value]) => key !== 'inboundAddress' && value !== undefined)) },
  });
  if (widget) checkWidgetAppearance(next.widget, next.allowedOrigins, widget);
  return next;
}

/** Reads stored settings, filling whatever an older row lacks with today's defaults. */
export function normaliseSettings(stored: unknown): StoreSettings {
  const value = (stored ?? {}) as Partial<StoreSettings>;
  return policySettingsSchema.parse({
    ...defaultSettings,
    ...value,
    brandVoice: { ...defaultSettings.brandVoice, ...value.brandVoice },
    escalation: { ...defaultSettings.escalation, ...value.escalation },
    evidence: { ...defaultSettings.evidence, ...value.evidence },
    widget: { ...defaultSettings.widget, ...value.widget },
    email: { ...defaultSettings.email, ...value.email },
    proactive: { ...defaultSettings.proactive, ...value.proactive },
  });
}
