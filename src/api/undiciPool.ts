// undici's Pool without the rest of undici (fetch, WebSocket, mocks, proxies, caches): the
// package's index pulls in all of it, which would triple the extension bundle. This is the same
// wiring undici's own index does for Pool, with only the one API method we call (`request`).
import type { Pool as UndiciPool } from 'undici';

/* eslint-disable @typescript-eslint/no-require-imports */
const Dispatcher = require('undici/lib/dispatcher/dispatcher');
Dispatcher.prototype.request = require('undici/lib/api/api-request');

export type Pool = UndiciPool;
export const Pool: typeof UndiciPool = require('undici/lib/dispatcher/pool');
