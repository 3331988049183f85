import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { createServer, Server as NetServer, Socket } from 'node:net';
import { RequestError, Server } from 'proxy-chain';

export interface TestProxyOptions {
  /** Require `Proxy-Authorization: Basic` with these credentials (407 otherwise). */
  credentials?: { username: string; password: string };
  /** Host names only the proxy can resolve (the "no direct route" of a corporate network), to an IP. */
  hosts?: Record<string, string>;
  /** Refuse every tunnel with this status (403 policy, 502 upstream failure). */
  refuseWith?: number;
}

export interface ProxyLogEntry {
  /** `CONNECT host:port` for tunnels, `GET http://…` for plain proxied requests. */
  request: string;
  username: string;
  /** Whether a Proxy-Authorization header came with it (its value is never kept). */
  authorized: boolean;
  outcome: 'tunnel' | 'refused' | 'authentication required';
}

/**
 * A real forward proxy (proxy-chain, the proxy Apify runs in production) on 127.0.0.1 for the
 * tests: HTTP CONNECT tunnels, Basic proxy authentication, its own name resolution for hosts the
 * client cannot resolve, and a log of what it was asked.
 */
export class TestProxy {
  readonly log: ProxyLogEntry[] = [];
  private server: Server | undefined;

  constructor(private readonly options: TestProxyOptions = {}) {}

  async start(): Promise<this> {
    const { credentials, hosts = {}, refuseWith } = this.options;
    const lookup = ((hostname: string, opts: unknown, callback: (e: Error | null, a: string | LookupAddress[], f?: number) => void) => {
      const mapped = hosts[hostname.toLowerCase()];
      if (!mapped) {
        return dnsLookup(hostname, opts as never, callback as never);
      }
      const all = (opts as { all?: boolean })?.all;
      return all ? callback(null, [{ address: mapped, family: 4 }]) : callback(null, mapped, 4);
    }) as never;
    this.server = new Server({
      port: 0,
      host: '127.0.0.1',
      verbose: false,
      prepareRequestFunction: ({ request, username, password, hostname, port, isHttp }) => {
        const entry: ProxyLogEntry = {
          request: isHttp ? `${request.method} ${request.url}` : `CONNECT ${hostname}:${port}`,
          username,
          authorized: request.headers['proxy-authorization'] !== undefined,
          outcome: 'tunnel',
        };
        this.log.push(entry);
        if (credentials && (username !== credentials.username || password !== credentials.password)) {
          entry.outcome = 'authentication required';
          return { requestAuthentication: true, failMsg: 'Proxy credentials required' };
        }
        if (refuseWith) {
          entry.outcome = 'refused';
          throw new RequestError(`Refused by policy (${refuseWith})`, refuseWith);
        }
        return { requestAuthentication: false, dnsLookup: lookup };
      },
    });
    await this.server.listen();
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.server?.port}`;
  }

  /** The tunnels opened (CONNECTs answered 200). */
  tunnels(): ProxyLogEntry[] {
    return this.log.filter((e) => e.outcome === 'tunnel');
  }

  async stop(): Promise<void> {
    await this.server?.close(true);
  }
}

/**
 * A broken "proxy": it accepts the connection and, when the CONNECT line arrives, either drops it
 * (`reset`) or never answers (`silent`).
 */
export async function startBrokenProxy(behaviour: 'reset' | 'silent'): Promise<{ url: string; stop(): Promise<void>; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: NetServer = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.once('data', () => (behaviour === 'reset' ? socket.resetAndDestroy() : undefined));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => connections,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
