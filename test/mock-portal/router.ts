import { IncomingMessage } from 'node:http';
import { PortalState, ProviderName } from './model';

/** An answer with a status other than 200, or extra headers. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Thrown by handlers: becomes `{"error": [...]}` with `status` (200 is allowed: the portal does that). */
export class PortalFailure extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
  ) {
    super(messages.join('; '));
  }
}

export interface RouteContext {
  provider: ProviderName;
  state: PortalState;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  req: IncomingMessage;
  now: number;
  transitionMs: number;
}

export type Handler = (ctx: RouteContext) => unknown;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  providers?: ProviderName[];
  handler: Handler;
}

/** Routes with `@param` segments, as the references write them, each optionally limited to some providers. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, path: string, handler: Handler, providers?: ProviderName[]): this {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map((part) => {
        if (part.startsWith('@')) {
          keys.push(part.slice(1));
          return '([^/]+)';
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), keys, providers, handler });
    return this;
  }

  match(method: string, path: string, provider: ProviderName): { handler: Handler; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method || (route.providers && !route.providers.includes(provider))) {
        continue;
      }
      const m = route.pattern.exec(path);
      if (m) {
        const params: Record<string, string> = {};
        route.keys.forEach((key, i) => {
          params[key] = decodeURIComponent(m[i + 1]);
        });
        return { handler: route.handler, params };
      }
    }
    return undefined;
  }
}

export function required(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (value === undefined || value === null || String(value).trim() === '') {
    throw new PortalFailure(200, [`Field "${key}" is required`]);
  }
  return String(value);
}

export function notFound(what: string): PortalFailure {
  return new PortalFailure(404, [`${what} not found`]);
}

export function truthy(value: unknown): boolean {
  return value === true || value === 1 || (typeof value === 'string' && /^(1|true|yes|on)$/i.test(value));
}
