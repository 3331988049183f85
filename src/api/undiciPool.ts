// The parts of undici the client uses — Pool (direct connections), ProxyAgent (tunnels through
// an HTTP(S) proxy) and the TLS connector — without the rest of undici (fetch, WebSocket, mocks,
// caches): the package's index pulls in all of it, which would triple the extension bundle. This
// is the same wiring undici's own index does for these classes, with only the one API method we
// call (`request`) and the one ProxyAgent calls on its client to the proxy (`connect`, for CONNECT).
import type { buildConnector as BuildConnector, Pool as UndiciPool, ProxyAgent as UndiciProxyAgent } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
Dispatcher.prototype.request = require('undici/lib/api/api-request');
Dispatcher.prototype.connect = require('undici/lib/api/api-connect');

export type Pool = UndiciPool;
export const Pool: typeof UndiciPool = require('undici/lib/dispatcher/pool');
export type ProxyAgent = UndiciProxyAgent;
export const ProxyAgent: typeof UndiciProxyAgent = require('undici/lib/dispatcher/proxy-agent');
export const buildConnector: typeof BuildConnector = require('undici/lib/core/connect');
