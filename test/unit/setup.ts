import { testPki } from '../pki/testPki';

/**
 * Root hooks for the plain-Node suite. The mock portal serves HTTPS with a certificate from the
 * run's private test CA; the client trusts that CA the way a user trusts a private root:
 * through NODE_EXTRA_CA_CERTS. Tests about trust pass their own environment instead.
 */
export const mochaHooks = {
  async beforeAll(): Promise<void> {
    process.env.NODE_EXTRA_CA_CERTS = (await testPki()).caFile;
  },
};
