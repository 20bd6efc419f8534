/**
 * The background's side of the contract: checks who sent a message and what it holds before any handler
 * runs. Anything malformed or from an unexpected sender gets a clear error and changes nothing.
 */
import {
  PROTOCOL,
  type ErrorCode,
  type MessageName,
  type RequestOf,
  type ResponseEnvelope,
  type ResponseOf,
} from './messages';
import { EXTENSION_PAGES_ONLY, requestSchemas } from './schemas';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

export type Handlers = { [N in MessageName]: (payload: RequestOf<N>, sender: SenderInfo) => Promise<ResponseOf<N>> };

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin, e.g. chrome-extension://abc/ */
  extensionOrigin: string;
  /** Hosts whose tabs may talk to us: the sites our content scripts run on. */
  allowedHost: (hostname: string) => boolean;
}

export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<ResponseEnvelope<unknown>> {
    try {
      const fromPage = checkSender(sender, options);
      const { name, payload } = parseEnvelope(message);
      if (!fromPage && EXTENSION_PAGES_ONLY.has(name)) throw new RequestError('forbidden-sender', `${name} is only answered to Loket’s own pages`);
      const parsed = requestSchemas[name].safeParse(payload);
      if (!parsed.success) throw new RequestError('bad-request', `Invalid ${name} request: ${describe(parsed.error)}`);
      const handler = handlers[name] as (p: unknown, s: SenderInfo) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data, sender) };
    } catch (error) {
      if (error instanceof RequestError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
  };
}

function parseEnvelope(message: unknown): { name: MessageName; payload: unknown } {
  if (typeof message !== 'object' || message === null) throw new RequestError('bad-request', 'A message must be an object');
  const { protocol, name, payload } = message as Record<string, unknown>;
  if (protocol !== PROTOCOL) throw new RequestError('bad-request', `Unknown protocol ${JSON.stringify(protocol)}`);
  if (typeof name !== 'string' || !Object.hasOwn(requestSchemas, name)) {
    throw new RequestError('unknown-message', `Unknown message ${JSON.stringify(name)}`);
  }
  return { name: name as MessageName, payload };
}

/** Refuses unknown senders; true for the extension's own pages, false for a content script in a site's tab. */
function checkSender(sender: SenderInfo, options: RouterOptions): boolean {
  if (sender.id !== options.extensionId) throw new RequestError('forbidden-sender', 'Messages from other extensions are refused');
  if (sender.url?.startsWith(options.extensionOrigin)) return true; // popup, options and other extension pages
  const pageUrl = sender.tab?.url ?? sender.url;
  let host = '';
  try {
    if (pageUrl) host = new URL(pageUrl).hostname;
  } catch {
    // falls through to the refusal below
  }
  if (sender.tab !== undefined && host !== '' && options.allowedHost(host)) return false;
  throw new RequestError('forbidden-sender', `Messages from ${host || 'an unknown page'} are refused`);
}

function describe(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
