/**
 * Where a Proactis organisation's API lives, and whose rate budget a connection spends.
 * Proactis serves each region from its own host (docs.proactis.com; protocols-cmms-s2p.md
 * §11.2) and limits each organisation (domain) over all endpoints: 50 requests per minute and
 * 8,000 per day in production (4,000 in UAT), the day resetting at midnight UTC.
 */
export const regions = ['US', 'UK', 'EU', 'NL'] as const;
export type Region = (typeof regions)[number];

export const regionHosts: Record<Region, string> = {
  US: 'https://apius.proactiscloud.com',
  UK: 'https://apiuk.proactiscloud.com',
  EU: 'https://regos2p-eu1-api.proactiscloud.com',
  NL: 'https://api.esize.nl',
};

export interface ProactisCredentials {
  region: Region;
  domainId: string;
  clientId: string;
  clientSecret: string;
  apiKey: string;
  /** A host Proactis gave for UAT (or the sandbox); overrides the region's. */
  instanceUrl?: string;
}

export function readCredentials(c: Record<string, unknown>): ProactisCredentials {
  const region = (regions as readonly unknown[]).includes(c.region) ? (c.region as Region) : 'UK';
  const str = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : '');
  const instanceUrl = str('instanceUrl').trim();
  return { region, domainId: str('domainId').trim(), clientId: str('clientId').trim(), clientSecret: str('clientSecret'), apiKey: str('apiKey'), ...(instanceUrl ? { instanceUrl: instanceUrl.replace(/\/+$/, '') } : {}) };
}

/** The API host of the credentials: the override when given, else the region's. */
export function baseUrlOf(c: ProactisCredentials): string {
  return c.instanceUrl ?? regionHosts[c.region];
}

/**
 * One budget per organisation: its region and domain id (and the UAT host when overridden — UAT
 * is a separate environment with its own daily allowance).
 */
export function budgetKeyOf(c: ProactisCredentials): string {
  return `${c.region}/${c.domainId}${c.instanceUrl ? `@${c.instanceUrl}` : ''}`;
}
