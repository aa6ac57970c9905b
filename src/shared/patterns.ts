/** Ids of categories, contact channels and topics: short, lowercase, safe in a cookie without escaping. */
export const SLUG = /^[a-z][a-z0-9-]{0,31}$/;

/** Policy versions travel inside the consent cookie, so they keep to characters a cookie holds as they are. */
export const POLICY_VERSION = /^[A-Za-z0-9._-]{1,32}$/;

/** BCP 47 language tags as sites write them (`en`, `zh-CN`, `zh-Hans-CN`). */
export const LOCALE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/;

/** A host a category's requests go to: exact (`stats.example.com`), or every subdomain (`*.example.com`). */
export const HOST_PATTERN = /^(\*\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?(:\d{1,5})?$/;

/** Cookie names we write: RFC 6265 token characters that need no encoding. */
export const COOKIE_NAME = /^[A-Za-z0-9_.!#$%&'*+^`|~-]{1,64}$/;

/** A cookie domain: a host name, optionally with the leading dot browsers ignore. */
export const COOKIE_DOMAIN = /^\.?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Calendar date as the privacy statement prints it ("last updated"). */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
