/*
 * The plain constants of a consent record, kept apart from the zod schema so that code which only checks a
 * record by hand (the cookie decoder) can use them without pulling zod into a bundle.
 */

/** How a decision was given; kept with every record and receipt as evidence of the collection method. */
export const CONSENT_METHODS = [
  'banner-accept-all',
  'banner-reject-all',
  'preferences-save',
  'api',
  'gpc',
  /** "Load content" on an embed's placeholder: grants that one service. */
  'embed',
] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Lowercase 8-4-4-4-12 hex: the random, unguessable id of one visitor's decision. */
export const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Each category costs about a dozen bytes of cookie; this keeps the cookie far below the 4 kB limit. */
export const MAX_CATEGORIES = 32;
/**
 * Contact channels and topics a config may offer, and so a record may hold: at most 8 × 8 contact choices,
 * which with the categories keeps a receipt under 100 purposes.
 */
export const MAX_CONTACT_CHANNELS = 8;
export const MAX_CONTACT_TOPICS = 8;
/**
 * Services a category may list, and a config may list in all: each is a switch in the panel and, when its
 * category is partly granted, an entry of the record, so this keeps a receipt under 200 purposes.
 */
export const MAX_SERVICES_PER_CATEGORY = 16;
export const MAX_SERVICES = 64;
