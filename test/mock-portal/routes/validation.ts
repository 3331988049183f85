import { isIPv4, isIPv6 } from 'node:net';
import { PortalFailure } from '../router';

const HOST = /^(\*\.)?([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9])?\.?$/i;

/** The portal's own checks on a record (it answers HTTP 200 with an `error` array). */
export function validateRecord(type: string, content: unknown): void {
  const text = Array.isArray(content) ? content.join(' ') : String(content ?? '');
  const fail = (message: string) => {
    throw new PortalFailure(200, [message]);
  };
  switch (type.toUpperCase()) {
    case 'A':
      if (!isIPv4(text)) fail(`Invalid IPv4 address: ${text}`);
      break;
    case 'AAAA':
      if (!isIPv6(text)) fail(`Invalid IPv6 address: ${text}`);
      break;
    case 'CNAME':
    case 'NS':
    case 'MX':
      if (!HOST.test(text)) fail(`Invalid host name: ${text}`);
      break;
    case 'SRV':
      if (!Array.isArray(content) && text.split(/\s+/).length !== 3) fail('SRV content must be [weight, port, target]');
      break;
    case 'TXT':
    case 'CAA':
    case 'SOA':
    case 'PTR':
    case 'URL':
    case 'FRAME':
    case 'MXE':
      if (text.length === 0) fail('Content is required');
      break;
    default:
      fail(`Unsupported record type ${type}`);
  }
}
