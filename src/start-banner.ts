import type { AdminTokenOrigin } from './compose';
import type { DemoCredentials } from './demo-bootstrap';

export interface BannerInput {
  mode: 'embedded' | 'server';
  url: string;
  database: string;
  cache: string;
  knowledge: string;
  dataDir: string;
  adminToken: string;
  adminTokenOrigin: AdminTokenOrigin;
  demo: DemoCredentials | undefined;
  notices: string[];
}

/**
 * Where the admin token is. The token itself is printed once only: at the first start of the
 * embedded default, which just generated it on a developer's machine. Anywhere else (server mode, a
 * later start, a token from the environment) start-up output may end up in a log collector, so it
 * names the place instead (docs/adr/0022).
 */
function adminTokenLine(input: BannerInput): string {
  const origin = input.adminTokenOrigin;
  if (origin.from === 'env') return '  admin token  from CONCIERGE_ADMIN_TOKEN';
  if (input.mode === 'embedded' && origin.created) return `  admin token  ${input.adminToken}   (kept in ${origin.path})`;
  const hint = input.mode === 'server' ? '; set CONCIERGE_ADMIN_TOKEN the same on every instance' : '';
  return `  admin token  in ${origin.path}${hint}`;
}

/** The lines printed once the server listens: URLs, where the admin token is, the demo store's keys. */
export function startBanner(input: BannerInput): string {
  const { url, demo } = input;
  const lines = [
    '',
    `Concierge is running (${input.mode} mode, database: ${input.database}, cache: ${input.cache})`,
    `  API          ${url}/v1`,
    `  API docs     ${url}/docs   (OpenAPI: ${url}/openapi.json)`,
    `  health       ${url}/healthz  ${url}/readyz  ${url}/metrics`,
    `  knowledge    ${input.knowledge}`,
    adminTokenLine(input),
  ];
  if (demo) {
    lines.push(
      '',
      `Demo store ${demo.storeId} (keys also in ${input.dataDir}/demo-store.json):`,
      `  API key      ${demo.apiKey}`,
      `  widget key   ${demo.widgetKey}`,
      `  demo shop    ${url}/demo   (the website widget on a product page)`,
      ...(demo.operator ? [`  console      ${url}/console   (log in as ${demo.operator.email} / ${demo.operator.password})`] : []),
      '',
      'Try:',
      `  curl -H "Authorization: Bearer ${demo.apiKey}" ${url}/v1/stores/${demo.storeId}/settings`,
    );
  }
  for (const notice of input.notices) lines.push('', `Note: ${notice}`);
  return `${lines.join('\n')}\n\n`;
}
