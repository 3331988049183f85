import { PortalError } from './errors';
import { portalMessages } from './response';

/**
 * The portal family wraps outcomes in message keys: `{"error": [...]}` means failure whatever
 * the HTTP status; `{"info": [...]}` carries success notes such as `reply_added`.
 */
export function assertNoPortalError(json: unknown, status: number): void {
  const errors = portalMessages(json, 'error');
  if (errors.length > 0) {
    throw new PortalError(errors, status);
  }
}

