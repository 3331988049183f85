// The page side of every panel: the one VS Code API handle, typed messages both ways, the state VS
// Code keeps across a reload, "Loading…" until the first answer, and the failure box with Retry.
import { el, failureBox } from './dom';
import * as l10n from '@vscode/l10n';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; setState(state: unknown): void; getState(): unknown };

export interface PageHost<ToExtension, State> {
  post(message: ToExtension): void;
  /** Kept by VS Code for this panel, so a window reload can bring it back. */
  remember(state: State): void;
  saved(): State | undefined;
}

/**
 * Connects a page: every message from the extension goes to `handle`, except `failed`, which shows
 * the failure with a Retry button that sends `retry`. Says `ready` once it listens.
 */
export function connectPage<ToExtension extends { type: string }, FromExtension extends { type: string }, State = unknown>(
  app: HTMLElement,
  handle: (message: FromExtension) => void,
  retry: ToExtension,
): PageHost<ToExtension, State> {
  const api = acquireVsCodeApi();
  const host: PageHost<ToExtension, State> = {
    post: (message) => api.postMessage(message),
    remember: (state) => api.setState(state),
    saved: () => api.getState() as State | undefined,
  };
  window.addEventListener('message', (event: MessageEvent<FromExtension | { type: 'failed'; message: string }>) => {
    const message = event.data;
    if (message.type === 'failed' && 'message' in message && typeof message.message === 'string') {
      app.replaceChildren(failureBox(message.message, () => host.post(retry)));
    } else {
      handle(message as FromExtension);
    }
  });
  app.replaceChildren(el('p', 'muted', l10n.t('Loading…')));
  // After the page's module has run (its handlers exist): the extension answers with the first view.
  queueMicrotask(() => host.post({ type: 'ready' } as ToExtension));
  return host;
}
