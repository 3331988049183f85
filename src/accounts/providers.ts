import { AuthMode } from '../api/auth';
import { CapabilityProfile } from '../api/capabilities';
import { checkApiRoot } from './apiRootUrl';
import * as l10n from '@vscode/l10n';

export type ProviderId = 'elsecloud' | 'alterncloud' | 'other';

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  description: string;
  /** Fixed API root; absent for "Other portal…", where the user types it. */
  apiRoot?: string;
  profile: CapabilityProfile;
  /** Auth modes the portal documents, preferred first. */
  authModes: AuthMode[];
}

/** The provider catalogue. ElseCloud documents only Basic; ALTERNcloud documents JWT and Basic. */
const CATALOGUE: readonly ProviderInfo[] = [
  {
    id: 'elsecloud',
    name: 'ElseCloud',
    description: 'portal.elsecloud.com',
    apiRoot: 'https://portal.elsecloud.com/api/',
    profile: 'elsecloud',
    authModes: ['basic'],
  },
  {
    id: 'alterncloud',
    name: 'ALTERNcloud',
    description: 'cloud.alterncloud.com',
    apiRoot: 'https://cloud.alterncloud.com/api/',
    profile: 'alterncloud',
    authModes: ['jwt', 'basic'],
  },
  {
    id: 'other',
    name: l10n.t('Other portal…'),
    description: l10n.t('Any client area of the same API family, by its API root URL'),
    profile: 'generic',
    authModes: ['jwt', 'basic'],
  },
];

/**
 * The catalogue, with API roots replaced from `overrides` (JSON `{"elsecloud": "http://127.0.0.1:…/"}`).
 * The override comes from the CLOUD_PORTAL_PROVIDER_ROOTS environment variable, which only whoever
 * starts VS Code can set (tests and the demo), never a workspace.
 */
export function providerCatalogue(overrides: string | undefined = process.env.CLOUD_PORTAL_PROVIDER_ROOTS): ProviderInfo[] {
  let roots: Record<string, unknown> = {};
  if (overrides) {
    try {
      roots = JSON.parse(overrides) as Record<string, unknown>;
    } catch {
      roots = {};
    }
  }
  return CATALOGUE.map((provider) => {
    const root = roots[provider.id];
    if (typeof root === 'string' && provider.apiRoot) {
      const checked = checkApiRoot(root);
      if (checked.ok) {
        return { ...provider, apiRoot: checked.url, description: new URL(checked.url).host };
      }
    }
    return { ...provider };
  });
}

export function providerById(id: ProviderId, catalogue = providerCatalogue()): ProviderInfo {
  return catalogue.find((p) => p.id === id) ?? catalogue[catalogue.length - 1];
}
