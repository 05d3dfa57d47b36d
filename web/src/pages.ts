/**
 * The pages of the app, by the address they live at. The server answers index.html for each
 * (src/server/routes/pages.ts lists the same paths); here the address picks which page's code
 * to load, each in its own chunk.
 */
import type { ComponentType } from 'react';

export interface PageEntry {
  path: string;
  title: string;
  load: () => Promise<{ default: ComponentType }>;
}

export const pages: PageEntry[] = [
  { path: '/connect', title: 'Connect a system', load: () => import('./connect/ConnectPage.js') },
  { path: '/dashboard', title: 'Dashboard', load: () => import('./dashboard/DashboardPage.js') },
  { path: '/status', title: 'Status', load: () => import('./status/StatusPage.js') },
];

/** The page for an address: its path itself, or anything under it (client-side routes). */
export function pageFor(pathname: string): PageEntry | undefined {
  return pages.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));
}
