import { AuthMode } from '../api/auth';
import { ConnectionSettings, signIn } from '../api/portalApi';
import { AccountRegistry } from './accountRegistry';
import { ProviderId, ProviderInfo } from './providers';

interface DemoAccount {
  providerId: ProviderId;
  username: string;
  password: string;
  authMode: AuthMode;
  label?: string;
}

/**
 * The demo (`npm run demo`) starts VS Code with CLOUD_PORTAL_DEMO_ACCOUNTS naming accounts on the
 * local mock portal; they are signed in once, through the normal sign-in path, so the demo opens
 * with data. Only whoever launches VS Code can set it, and only loopback API roots are accepted.
 */
export async function signInDemoAccounts(
  registry: AccountRegistry,
  providers: ProviderInfo[],
  settings: () => Omit<ConnectionSettings, 'apiRoot' | 'profile'>,
  raw: string | undefined = process.env.CLOUD_PORTAL_DEMO_ACCOUNTS,
): Promise<number> {
  if (!raw) {
    return 0;
  }
  let accounts: DemoAccount[];
  try {
    accounts = JSON.parse(raw) as DemoAccount[];
  } catch {
    return 0;
  }
  let added = 0;
  for (const demo of accounts) {
    const provider = providers.find((p) => p.id === demo.providerId);
    const apiRoot = provider?.apiRoot;
    if (!provider || !apiRoot || !/^https?:\/\/(127\.\d+\.\d+\.\d+|localhost)(:\d+)?\//.test(apiRoot)) {
      continue;
    }
    const exists = registry.list().some((a) => a.record.apiRoot === apiRoot && a.record.username === demo.username);
    if (exists) {
      continue;
    }
    const result = await signIn({ ...settings(), apiRoot, profile: provider.profile }, demo.username, demo.password, demo.authMode);
    await registry.saveSignIn({ providerId: provider.id, apiRoot, username: demo.username, label: demo.label }, result);
    added++;
  }
  return added;
}
