/** Small display helpers shared by the views. */
export const statusLabel: Record<string, string> = { handed_off: 'Handed off', pending: 'Waiting for approval', open: 'Open', resolved: 'Resolved' };

export function ago(iso: string | Date): string {
  const seconds = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

export const money = (cents: number, currency = 'USD') => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
export const humanize = (text: string) => text.replaceAll('_', ' ');
