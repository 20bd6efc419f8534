/** Sending requests to the background and listening for its pushes, from any context but the background. */
import browser from 'webextension-polyfill';
import {
  PROTOCOL,
  type ErrorCode,
  type MessageName,
  type PushEnvelope,
  type PushName,
  type Pushes,
  type RequestOf,
  type ResponseEnvelope,
  type ResponseOf,
  type Settings,
} from './messages';

export class LoketError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-response',
    message: string,
  ) {
    super(message);
    this.name = 'LoketError';
  }
}

export async function send<N extends MessageName>(name: N, payload: RequestOf<N>): Promise<ResponseOf<N>> {
  const reply = (await browser.runtime.sendMessage({ protocol: PROTOCOL, name, payload })) as
    | ResponseEnvelope<ResponseOf<N>>
    | undefined;
  if (reply === undefined || reply === null || typeof reply !== 'object' || !('ok' in reply)) {
    throw new LoketError('no-response', `No answer from the Loket background for ${name}`);
  }
  if (!reply.ok) throw new LoketError(reply.error.code, reply.error.message);
  return reply.value;
}

type PushHandlers = { [P in PushName]?: (payload: Pushes[P]) => void };

/** Listens for pushes until the signal aborts. Requests from other views are ignored here (no answer). */
export function onPush(handlers: PushHandlers, signal: AbortSignal): void {
  const listener = (message: unknown): undefined => {
    if (!isPush(message)) return undefined;
    const handler = handlers[message.push] as ((p: unknown) => void) | undefined;
    handler?.(message.payload);
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * The settings in force: resolves with the background's answer, then calls `onChange` with each later change
 * until the signal aborts. A `settings/changed` push is a cue to ask again, not the value used: a push carries
 * settings read a moment before it was sent, so a change made in that moment (the agent saving on the options
 * page while the policy is applied) could otherwise arrive here after the newer settings and undo them. Of
 * answers that cross, the one asked for last wins. Listens before it first asks, so no change falls between.
 */
export function followSettings(signal: AbortSignal, onChange: (settings: Settings) => void): Promise<Settings> {
  return new Promise((resolve, reject) => {
    let asked = 0;
    let first = true;
    const ask = (): void => {
      const n = ++asked;
      send('settings/get', {}).then(
        (settings) => {
          if (n !== asked || signal.aborted) return;
          if (first) resolve(settings);
          else onChange(settings);
          first = false;
        },
        (error: unknown) => {
          if (n !== asked || !first) return;
          first = false;
          reject(error);
        },
      );
    };
    onPush({ 'settings/changed': ask }, signal);
    ask();
  });
}

function isPush(message: unknown): message is PushEnvelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { protocol?: unknown }).protocol === PROTOCOL &&
    typeof (message as { push?: unknown }).push === 'string'
  );
}
