/**
 * What the status page says, from GET /v1/status: the overall state in words, each incident as
 * a sentence that tells systemic from one connection's own, and numbers as people read them.
 * Pure functions (no DOM), so they are tested without a browser.
 */
import type { ConnectionHealth, Incident, Status, SystemHealth } from '../shared/types.js';

/** How often the page asks again. */
export const REFRESH_MS = 15_000;

export interface Overall {
  /** The headline: the state in words. */
  title: string;
  /** One or two sentences under it. */
  text: string;
}

/** The overall state in words, with what it means for someone whose calls fail. */
export function overall(status: Status): Overall {
  if (status.status === 'down') {
    return {
      title: 'Down: Manifold itself is failing',
      text:
        status.platform.store.status === 'down'
          ? 'Its store is not answering, so nothing can be read, written or synced until it is back. Your connection and your system are not the cause.'
          : 'Manifold is not working normally. Your connection and your system are not the cause.',
    };
  }
  if (status.status === 'degraded') {
    const lines = status.incidents.map((i) => `${incidentTitle(i)}.`);
    return {
      title: 'Degraded: some systems are failing',
      text: lines.length ? lines.join(' ') : 'Manifold has paused calls on some connections after repeated failures.',
    };
  }
  return {
    title: 'All systems operational',
    text: status.systems.length
      ? 'Manifold is healthy and no connected system is failing.'
      : 'Manifold is healthy. No connected system has been called in the last hour.',
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Systemic: tryton is failing on 2 connections" or "One connection to tryton is failing". */
export function incidentTitle(incident: Incident): string {
  if (incident.kind === 'systemic') return `Systemic: ${incident.system} is failing on ${plural(incident.connections, 'connection', 'connections')}`;
  return `One connection to ${incident.system} is failing`;
}

/** Minutes between the start of the incident's window and when it was checked (5 today). */
export function windowMinutes(incident: Incident, checkedAt: string): number {
  const ms = Date.parse(checkedAt) - Date.parse(incident.since);
  return Number.isFinite(ms) && ms > 0 ? Math.max(1, Math.round(ms / 60_000)) : 5;
}

/**
 * What the incident means for the reader. `systemConnections` is how many connections to that
 * system made calls in the last hour: with only one, Manifold cannot tell whose fault it is.
 */
export function incidentText(incident: Incident, checkedAt: string, systemConnections: number | undefined): string {
  const share = `${percent(incident.failedShare)} of ${incident.kind === 'systemic' ? 'their' : 'its'} calls failed over the last ${plural(windowMinutes(incident, checkedAt), 'minute', 'minutes')}.`;
  if (incident.kind === 'systemic') {
    return `${share} Several connections fail at once, so the cause is ${incident.system} itself or the network to it, not one customer’s setup. Calls work again when it recovers.`;
  }
  if ((systemConnections ?? 0) > 1) {
    return `${share} Other connections to ${incident.system} work, so the cause is this connection’s own: its server, its address or its credentials.`;
  }
  return `${share} It is the only connection to ${incident.system} with recent calls, so it cannot be told yet whether ${incident.system} itself or this connection is at fault.`;
}

/** 0–1 as a percentage: "0%", "0.4%", "37%", "100%". */
export function percent(share: number): string {
  const p = share * 100;
  if (p === 0 || p >= 10) return `${Math.round(p)}%`;
  return `${Math.round(p * 10) / 10}%`;
}

/** A latency: "8 ms", "240 ms", "1.3 s"; null (no calls) as "none". */
export function latency(ms: number | null): string {
  if (ms === null) return 'none';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** How much a failed share matters: for colour only, the number is always written. */
export function severity(share: number, calls: number): 'none' | 'some' | 'high' {
  if (calls === 0 || share === 0) return 'none';
  return share >= 0.5 ? 'high' : 'some';
}

/** "just now", "10 s ago", "3 min ago", "2 h ago": in steps of 5 s, so the line changes calmly. */
export function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s - (s % 5)} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

export function storeName(dialect: Status['platform']['store']['dialect']): string {
  return dialect === 'postgres' ? 'PostgreSQL' : 'SQLite';
}

export function jobsText(running: number): string {
  return running === 0 ? 'Running; no sync in progress' : `Running; ${plural(running, 'sync', 'syncs')} in progress`;
}

const CONNECTION_STATUS: Record<string, string> = {
  active: 'Active',
  syncing: 'Syncing',
  needs_attention: 'Needs attention',
  disabled: 'Disabled',
};

export function connectionStatus(status: string): string {
  return CONNECTION_STATUS[status] ?? status.replace(/_/g, ' ');
}

export function circuitText(circuit: ConnectionHealth['circuit']): string {
  return circuit === 'open' ? 'Open: calls paused' : circuit === 'half_open' ? 'Half-open: trying again' : 'Closed';
}

/** Systems with an incident first, then by failed share, then by name. */
export function sortSystems(systems: SystemHealth[], incidents: Incident[]): SystemHealth[] {
  const hit = new Set(incidents.map((i) => i.system));
  return [...systems].sort(
    (a, b) => Number(hit.has(b.system)) - Number(hit.has(a.system)) || b.failedShare - a.failedShare || a.system.localeCompare(b.system),
  );
}

/** Connections failing first, then by system and name. */
export function sortConnections(connections: ConnectionHealth[]): ConnectionHealth[] {
  const rank = (c: ConnectionHealth) => (c.circuit !== 'closed' ? 2 : 0) + (severity(c.failedShare, c.calls) === 'high' ? 1 : 0);
  return [...connections].sort((a, b) => rank(b) - rank(a) || a.system.localeCompare(b.system) || a.name.localeCompare(b.name));
}
