/**
 * The building blocks every unified model shares: decimal strings, dates, instants, references,
 * addresses, and the record envelope (id, remoteId, version, times, customFields, remoteData).
 * One source of truth: types, validation and OpenAPI all come from these schemas.
 */
import { z } from 'zod';

/** Money and quantities: a decimal string, never a float (`"1250.50"`, `"-3"`, `"0.0005"`). */
export const decimal = (description: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "1250.50"')
    .describe(description)
    .meta({ examples: ['1250.50'], format: 'decimal' });

/** A calendar date without time. */
export const date = (description: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .describe(description)
    .meta({ examples: ['2026-03-31'], format: 'date' });

/** An instant: ISO 8601 in UTC with `Z`. */
export const instant = (description: string) =>
  z.iso.datetime({ offset: false }).describe(description).meta({ examples: ['2026-03-31T14:05:00.000Z'] });

/** ISO 4217 currency code. */
export const currency = (description = 'ISO 4217 currency code.') =>
  z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"').describe(description);

export const text = (description: string) => z.string().describe(description);

/** A reference to another record, denormalised so a client can show it without a second call. */
export const Reference = z
  .object({
    id: z.string().nullable().describe("Manifold's id of the referenced record, when Manifold holds it."),
    remoteId: z.string().nullable().describe("The system's own key of the referenced record."),
    name: z.string().nullable().describe('Display name, where the system gives it.'),
    code: z.string().nullable().describe('Short code (vendor number, item code, tag), where the system gives it.'),
  })
  .describe('A reference to another record: { id, remoteId, name, code }.')
  .meta({ id: 'Reference' });
export type Reference = z.infer<typeof Reference>;

export const ref = (description: string) => Reference.nullable().describe(description);

export const Address = z
  .object({
    name: z.string().nullable().describe('Addressee or site name.'),
    line1: z.string().nullable().describe('First street line.'),
    line2: z.string().nullable().describe('Second street line.'),
    line3: z.string().nullable().describe('Third street line.'),
    city: z.string().nullable().describe('City or town.'),
    region: z.string().nullable().describe('State, province or region.'),
    postalCode: z.string().nullable().describe('Postal or ZIP code.'),
    country: z.string().nullable().describe('Country, ISO 3166-1 alpha-2 where known, else as the system gives it.'),
    raw: z.string().nullable().describe('The address as one text, as the system formats it.'),
  })
  .describe('A postal address.')
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;

export const address = (description: string) => Address.nullable().describe(description);

/** Custom fields: added per connection through the field mapping. */
export const CustomFields = z
  .record(z.string(), z.unknown())
  .describe('Fields added through the connection\'s field mapping (customFields.<name>).');

/**
 * The envelope every record carries. `remoteData` is present only with `include=remoteData`.
 */
export const recordEnvelope = {
  id: z.string().describe("Manifold's id: stable, opaque, URL-safe, the same on every node and after every resync."),
  remoteId: z.string().describe("The system's own key (composite keys joined unambiguously)."),
  version: z.number().int().min(1).describe('Changes whenever the record changes; send it as If-Match to update conditionally.'),
  createdAt: instant('When the record was created, in the system where it says so.').nullable(),
  updatedAt: instant('When the record last changed, in the system where it says so; `modifiedAfter` compares with it.'),
  deletedAt: instant('When Manifold saw the record disappear from the system; null while it exists.').nullable(),
  customFields: CustomFields,
  remoteData: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The native record exactly as the system gave it; only with include=remoteData.'),
} as const;

/** The keys of the envelope, which are not part of a model's own body. */
export const envelopeKeys = Object.keys(recordEnvelope) as (keyof typeof recordEnvelope)[];

/** A status enum whose value set always includes `unknown` (for values the mapping does not know). */
export const statusEnum = <const T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z.enum(values).describe(description);

/** The system's own status value, kept so nothing is lost by the normalised enum. */
export const remoteStatus = z.string().nullable().describe("The system's own status value, unchanged.");
