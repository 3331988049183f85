import { warmConnections } from '../api/network/dispatcher';
import { AuthMode } from '../api/auth';
import { AuthenticationError, CancelledError, describeError, PortalClientError } from '../api/errors';
import { ConnectionSettings, signIn } from '../api/portalApi';
import { AccountRegistry } from './accountRegistry';
import { AccountRecord } from './accountStore';
import { checkApiRoot } from './apiRootUrl';
import { ProviderInfo } from './providers';
import * as l10n from '@vscode/l10n';

/**
 * The questions the Add Account flow asks. The VS Code implementation uses quick picks and input
 * boxes; tests script the answers. `undefined` means the user pressed Escape.
 */
export interface SignInPrompts {
  pickProvider(providers: ProviderInfo[]): PromiseLike<ProviderInfo | undefined>;
  askApiRoot(initial: string | undefined, validate: (value: string) => string | undefined): PromiseLike<string | undefined>;
  askEmail(provider: ProviderInfo, initial: string | undefined): PromiseLike<string | undefined>;
  pickAuthMode(modes: AuthMode[]): PromiseLike<AuthMode | undefined>;
  /** `problem` explains why it is asked again (wrong password, portal unreachable). */
  askPassword(email: string, problem: string | undefined): PromiseLike<string | undefined>;
  /** Runs the check with progress; the signal is aborted when the user cancels. */
  verifying<T>(title: string, work: (signal: AbortSignal) => Promise<T>): PromiseLike<T>;
}

export interface SignInContext {
  registry: AccountRegistry;
  providers: ProviderInfo[];
  settings: () => Omit<ConnectionSettings, 'apiRoot' | 'profile'>;
}

/** For "Sign In Again" on an existing account: provider, URL, email and auth mode are known. */
export interface KnownAccount {
  provider: ProviderInfo;
  apiRoot: string;
  username: string;
  authMode: AuthMode;
}

type Step = 'provider' | 'apiRoot' | 'email' | 'authMode' | 'password';

/**
 * Add Account: provider → (API root) → email → (auth mode) → password → `GET /details` check →
 * save. A wrong password asks for the password again with the reason; Escape there goes back to
 * the email (kept as typed), so nothing has to be retyped. Nothing is saved until the portal
 * accepted the credentials.
 */
export async function runSignInFlow(
  prompts: SignInPrompts,
  context: SignInContext,
  known?: KnownAccount,
): Promise<AccountRecord | undefined> {
  let provider = known?.provider;
  let apiRoot = known?.apiRoot;
  let email = known?.username;
  let mode = known?.authMode;
  let problem: string | undefined;
  let step: Step = known ? 'password' : 'provider';
  // While the user types, what the connection needs (undici, the certificates it trusts) is loaded: not on the wait after Enter.
  const settings = context.settings();
  warmConnections(settings.network, settings.logger);

  for (;;) {
    switch (step) {
      case 'provider': {
        provider = await prompts.pickProvider(context.providers);
        if (!provider) {
          return undefined;
        }
        apiRoot = provider.apiRoot;
        step = apiRoot ? 'email' : 'apiRoot';
        break;
      }
      case 'apiRoot': {
        const typed = await prompts.askApiRoot(apiRoot, (value) => {
          const check = checkApiRoot(value);
          return check.ok ? undefined : check.problem;
        });
        if (typed === undefined) {
          step = 'provider';
          break;
        }
        const check = checkApiRoot(typed);
        if (check.ok) {
          apiRoot = check.url;
          step = 'email';
        }
        break;
      }
      case 'email': {
        const typed = await prompts.askEmail(provider!, email);
        if (typed === undefined) {
          if (known) {
            return undefined;
          }
          step = provider!.apiRoot ? 'provider' : 'apiRoot';
          break;
        }
        email = typed.trim();
        step = provider!.authModes.length > 1 ? 'authMode' : 'password';
        if (step === 'password') {
          mode = provider!.authModes[0];
        }
        break;
      }
      case 'authMode': {
        mode = await prompts.pickAuthMode(provider!.authModes);
        step = mode ? 'password' : 'email';
        break;
      }
      case 'password': {
        const password = await prompts.askPassword(email!, problem);
        if (password === undefined) {
          if (!problem) {
            return undefined;
          }
          // After a failure, Escape goes back to the email (kept) rather than losing everything.
          problem = undefined;
          step = 'email';
          break;
        }
        try {
          const record = await prompts.verifying(l10n.t('Signing in to {0}…', provider!.name), async (signal) => {
            const result = await signIn(
              { ...context.settings(), apiRoot: apiRoot!, profile: provider!.profile },
              email!,
              password,
              mode!,
              signal,
            );
            return context.registry.saveSignIn({ providerId: provider!.id, apiRoot: apiRoot!, username: email! }, result);
          });
          return record;
        } catch (e) {
          if (e instanceof CancelledError) {
            return undefined;
          }
          problem =
            e instanceof AuthenticationError
              ? l10n.t('{0} Try again, or press Escape to change the email.', e.message)
              : e instanceof PortalClientError
                ? l10n.t('Could not sign in: {0}', e.message)
                : l10n.t('Could not sign in: {0}', describeError(e));
        }
        break;
      }
    }
  }
}
