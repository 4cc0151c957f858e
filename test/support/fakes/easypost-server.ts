import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stateful server on 127.0.0.1 that speaks the part of EasyPost's v2 REST API Concierge uses,
 * as EasyPost documents it: HTTP Basic auth with the API key as user, JSON bodies wrapped in the
 * object's name (`{tracker:{…}}`, `{shipment:{…}}`), `POST /v2/trackers` (the tracker for a code,
 * created or found), `POST /v2/shipments` (rates), `POST /v2/shipments/{id}/buy` (postage once:
 * buying again is refused), `GET /v2/shipments/{id}`, label PDFs at `postage_label.label_url`,
 * errors as `{error:{code, message}}`. Faults are scripted per request.
 */
export interface TrackingScript {
  carrier: string;
  status: string;
  status_detail?: string;
  est_delivery_date?: string | null;
  tracking_details: { status: string; status_detail?: string; message: string; datetime: string; tracking_location?: { city?: string | null; state?: string | null; country?: string | null } }[];
}

export type EasyPostFault = { status: number; retryAfter?: string } | { delayMs: number };

export interface FakeEasyPost {
  /** The API base the client is given, with /v2/. */
  baseUrl: string;
  apiKey: string;
  trackers: Map<string, TrackingScript>;
  shipments: Map<string, Record<string, unknown>>;
  /** Postage bought (each a label charged to the merchant). */
  purchases: string[];
  requests: { method: string; path: string; status: number }[];
  /** The last shipment body received. */
  lastShipment: Record<string, unknown> | undefined;
  faults: EasyPostFault[];
  close(): Promise<void>;
}

// A tiny valid PDF: what a label download returns.
export const LABEL_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const apiError = (code: string, message: string) => ({ error: { code, message, errors: [] } });

export async function startFakeEasyPost(options: { apiKey?: string } = {}): Promise<FakeEasyPost> {
  const apiKey = options.apiKey ?? `EZTK${randomBytes(12).toString('hex')}`;
  const trackers = new Map<string, TrackingScript>();
  const shipments = new Map<string, Record<string, unknown>>();
  const purchases: string[] = [];
  const requests: FakeEasyPost['requests'] = [];
  const state = { faults: [] as EasyPostFault[], lastShipment: undefined as Record<string, unknown> | undefined };
  let origin = '';

  function tracker(code: string, carrier: string | undefined): Record<string, unknown> {
    const script = trackers.get(code);
    const details = script?.tracking_details ?? [];
    return {
      id: `trk_${code.toLowerCase()}`,
      object: 'Tracker',
      tracking_code: code,
      carrier: script?.carrier ?? carrier ?? 'USPS',
      status: script?.status ?? 'unknown',
      status_detail: script?.status_detail ?? 'unknown',
      est_delivery_date: script?.est_delivery_date ?? null,
      public_url: `https://track.easypost.com/${code}`,
      tracking_details: details.map((d) => ({ object: 'TrackingDetail', source: script?.carrier, ...d })),
      created_at: new Date().toISOString(),
    };
  }

  function createShipment(body: Record<string, unknown>): [number, unknown] {
    const s = body.shipment as Record<string, unknown> | undefined;
    if (!s?.to_address || !s.from_address || !s.parcel) return [422, apiError('PARAMETER.REQUIRED', 'Missing required parameter: shipment.to_address, from_address or parcel')];
    state.lastShipment = s;
    const id = `shp_${randomBytes(8).toString('hex')}`;
    const rates = [
      { id: `rate_${randomBytes(6).toString('hex')}`, object: 'Rate', carrier: 'UPS', service: 'Ground', rate: '9.80', currency: 'USD', shipment_id: id },
      { id: `rate_${randomBytes(6).toString('hex')}`, object: 'Rate', carrier: 'USPS', service: 'GroundAdvantage', rate: '6.45', currency: 'USD', shipment_id: id },
    ];
    const shipment = { id, object: 'Shipment', is_return: s.is_return === true, to_address: s.to_address, from_address: s.from_address, parcel: s.parcel, reference: s.reference ?? null, rates, postage_label: null, tracking_code: null, selected_rate: null };
    shipments.set(id, shipment);
    return [201, shipment];
  }

  function buy(id: string, body: Record<string, unknown>): [number, unknown] {
    const shipment = shipments.get(id);
    if (!shipment) return [404, apiError('NOT_FOUND', 'The requested resource could not be found.')];
    if (shipment.postage_label) return [422, apiError('SHIPMENT.POSTAGE.EXISTS', 'Postage already exists for this shipment.')];
    const rate = (shipment.rates as { id: string; carrier: string }[]).find((r) => r.id === (body.rate as { id?: string } | undefined)?.id);
    if (!rate) return [422, apiError('SHIPMENT.RATE.INVALID', 'Rate not found for this shipment.')];
    purchases.push(id);
    Object.assign(shipment, {
      selected_rate: rate,
      tracking_code: `9400${Date.now().toString().slice(-8)}${purchases.length.toString().padStart(4, '0')}`,
      postage_label: { object: 'PostageLabel', label_file_type: 'application/pdf', label_url: `${origin}/files/postage_label/${id}.pdf` },
    });
    return [200, shipment];
  }

  function route(method: string, path: string, body: Record<string, unknown>): [number, unknown] {
    if (method === 'POST' && path === '/v2/trackers') {
      const t = body.tracker as { tracking_code?: string; carrier?: string } | undefined;
      if (!t?.tracking_code) return [422, apiError('TRACKER.TRACKING_CODE.INVALID', 'Invalid tracking code.')];
      return [200, tracker(t.tracking_code, t.carrier)];
    }
    if (method === 'POST' && path === '/v2/shipments') return createShipment(body);
    const buying = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(path);
    if (method === 'POST' && buying) return buy(buying[1]!, body);
    const one = /^\/v2\/shipments\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) return shipments.has(one[1]!) ? [200, shipments.get(one[1]!)] : [404, apiError('NOT_FOUND', 'The requested resource could not be found.')];
    if (method === 'GET' && path === '/v2/users') return [200, { id: 'user_1', object: 'User', name: 'Test merchant' }];
    return [404, apiError('NOT_FOUND', 'The requested resource could not be found.')];
  }

  async function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method!, path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'GET' && path.startsWith('/files/postage_label/')) {
      requests.push({ method: 'GET', path, status: 200 });
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end(LABEL_PDF);
    }
    if (req.headers.authorization !== `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`) return send(401, apiError('APIKEY.INACTIVE', 'This api key is no longer active.'));
    const fault = state.faults.shift();
    if (fault && 'status' in fault) return send(fault.status, apiError(fault.status === 429 ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR', 'Try again later.'), fault.retryAfter ? { 'retry-after': fault.retryAfter } : {});
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return send(400, apiError('BAD_REQUEST', 'Malformed JSON'));
      }
    }
    const [status, answer] = route(req.method!, path, body);
    if (fault && 'delayMs' in fault) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (!res.destroyed) send(status, answer);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/v2/`,
    apiKey,
    trackers,
    shipments,
    purchases,
    requests,
    get lastShipment() {
      return state.lastShipment;
    },
    get faults() {
      return state.faults;
    },
    set faults(value) {
      state.faults = value;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
