import { Agent, fetch as undiciFetch, RequestInit } from 'undici';
import { testPki } from './testPki';

let agent: Promise<Agent> | undefined;

/**
 * `fetch` for test code that talks to the mock portal directly (control endpoints, raw requests):
 * it trusts the run's test CA. Node's global fetch reads NODE_EXTRA_CA_CERTS only at start-up,
 * before the test CA exists.
 */
export async function trustedFetch(url: string, init: RequestInit = {}): ReturnType<typeof undiciFetch> {
  agent ??= testPki().then((pki) => new Agent({ connect: { ca: pki.caCert } }));
  return undiciFetch(url, { ...init, dispatcher: await agent });
}
