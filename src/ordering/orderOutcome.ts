// What to tell the user when an order (one product, a cart, a domain) fails: whether it may still
// have been placed. Never guessed optimistically: money may have been spent.
import { describeError, isPortalClientError, PortalClientError } from '../api/errors';
import * as l10n from '@vscode/l10n';

/** Whether a failed purchase may still have been placed (the portal may have acted on it). */
export function outcomeUnknown(e: unknown): boolean {
  if (!isPortalClientError(e)) {
    return false;
  }
  const error = e as PortalClientError & { maybeSeenByServer?: boolean };
  if (error.maybeSeenByServer === false) {
    // Refused before anything was written (no connection, certificate, proxy): certainly not placed.
    return false;
  }
  return error.kind === 'timeout' || error.kind === 'invalidResponse' || error.kind === 'network' || (error.status ?? 0) >= 500;
}

/** Whether a failure happened before any byte of the request left (connection, certificate, proxy). */
export function neverSent(e: unknown): boolean {
  return isPortalClientError(e) && (e as { maybeSeenByServer?: boolean }).maybeSeenByServer === false;
}

/** The message for a failed order: may have been placed / was not sent / was refused. */
export function orderFailureMessage(e: unknown): string {
  return outcomeUnknown(e)
    ? l10n.t('{0} The portal may have received the order: check your invoices before ordering again.', describeError(e))
    : neverSent(e)
      ? l10n.t('The order was not sent: {0}', describeError(e))
      : l10n.t('The order was not placed: {0}', describeError(e));
}
