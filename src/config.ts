import * as vscode from 'vscode';
import { NetworkOptions } from './api/network/networkOptions';
import { ConnectionSettings } from './api/portalApi';

const SECTION = 'cloudPortal';

type ConnectionSettingsRead = Pick<ConnectionSettings, 'timeoutMs' | 'maxConnections' | 'userAgent' | 'network'>;

let connectionSettingsRead: ConnectionSettingsRead | undefined;

/**
 * Connection settings from the `cloudPortal.*` and `http.*` configuration. Read once and kept until
 * one of them changes (`watchConnectionSettings`): reading VS Code's configuration costs the extension
 * host's one thread ~0.1 ms a section, and background work asks for them once per request.
 */
export function connectionSettings(): ConnectionSettingsRead {
  return (connectionSettingsRead ??= readConnectionSettings());
}

/**
 * Forgets the kept connection settings when one changes. Registered before any other configuration
 * listener, so those that reconnect read the new values.
 */
export function watchConnectionSettings(): vscode.Disposable {
  connectionSettingsRead = undefined;
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (affectsConnections(e)) connectionSettingsRead = undefined;
  });
}

function readConnectionSettings(): ConnectionSettingsRead {
  const config = vscode.workspace.getConfiguration(SECTION);
  const timeout = config.get<number>('requestTimeoutSeconds', 30);
  const connections = config.get<number>('maxConcurrentRequestsPerAccount', 6);
  return {
    timeoutMs: Math.max(5, Math.min(300, timeout)) * 1000,
    maxConnections: Math.max(1, Math.min(16, Math.round(connections))),
    userAgent: `cloud-portal-vscode/${vscode.extensions.getExtension('cloud-portal.cloud-portal')?.packageJSON.version ?? 'dev'} vscode/${vscode.version}`,
    network: networkOptions(),
  };
}

/**
 * VS Code's own network settings, which the client follows as VS Code's requests do: the proxy
 * (`http.proxy`, `http.noProxy`, `http.proxyAuthorization`, `http.proxySupport`) and the trust
 * (`http.proxyStrictSSL`, `http.systemCertificates`), plus the environment (`HTTPS_PROXY`,
 * `NO_PROXY`, `NODE_EXTRA_CA_CERTS`). The proxy authorization is a user setting VS Code already
 * keeps; we only read it and never log it.
 */
export function networkOptions(): NetworkOptions {
  const http = vscode.workspace.getConfiguration('http');
  const support = http.get<string>('proxySupport', 'override');
  return {
    proxySupport: support === 'off' || support === 'on' || support === 'fallback' ? support : 'override',
    proxy: http.get<string>('proxy')?.trim() || undefined,
    noProxy: http.get<string[]>('noProxy', []),
    proxyAuthorization: http.get<string | null>('proxyAuthorization')?.trim() || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    systemCertificates: http.get<boolean>('systemCertificates', true),
    env: process.env,
  };
}

/** Whether a configuration change alters how clients connect (they are then rebuilt). */
export function affectsConnections(e: vscode.ConfigurationChangeEvent): boolean {
  return ['http.proxy', 'http.noProxy', 'http.proxyAuthorization', 'http.proxySupport', 'http.proxyStrictSSL', 'http.systemCertificates', `${SECTION}.requestTimeoutSeconds`, `${SECTION}.maxConcurrentRequestsPerAccount`].some((key) =>
    e.affectsConfiguration(key),
  );
}

/** How long loaded resources are reused before the portal is asked again. */
export function cacheTtlMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('cacheTtlSeconds', 60);
  return Math.max(0, seconds) * 1000;
}

/** The `cloudPortal.*` settings read outside connections: one place for their keys and defaults. */
export const settings = {
  hideSingleAccount: { key: `${SECTION}.views.hideSingleAccount`, get: () => vscode.workspace.getConfiguration(SECTION).get<boolean>('views.hideSingleAccount', false) },
  autoRefreshMinutes: { key: `${SECTION}.autoRefreshMinutes`, get: () => vscode.workspace.getConfiguration(SECTION).get<number>('autoRefreshMinutes', 0) },
  showBalance: { key: `${SECTION}.billing.showBalance`, get: () => vscode.workspace.getConfiguration(SECTION).get<boolean>('billing.showBalance', true) },
  notificationPollMinutes: { key: `${SECTION}.notifications.pollMinutes`, get: () => vscode.workspace.getConfiguration(SECTION).get<number>('notifications.pollMinutes', 5) },
  ticketPollMinutes: { key: `${SECTION}.tickets.pollMinutes`, get: () => vscode.workspace.getConfiguration(SECTION).get<number>('tickets.pollMinutes', 5) },
  offlineSnapshot: { key: `${SECTION}.offlineSnapshot`, get: () => vscode.workspace.getConfiguration(SECTION).get<boolean>('offlineSnapshot', true) },
  offlineSnapshotMaxBytes: {
    key: `${SECTION}.offlineSnapshotMaxMegabytes`,
    get: () => Math.max(1, Math.min(64, vscode.workspace.getConfiguration(SECTION).get<number>('offlineSnapshotMaxMegabytes', 4))) * 1024 * 1024,
  },
  /** Remote-SSH's own setting: the SSH config file it reads (and so the one we write and give ssh). */
  remoteSshConfigFile: { key: 'remote.SSH.configFile', get: () => vscode.workspace.getConfiguration('remote.SSH').get<string>('configFile')?.trim() || undefined },
  /** Days ahead that Needs Attention looks (0: off, no view and no notifications). */
  attentionDays: { key: `${SECTION}.attention.days`, get: () => Math.max(0, Math.min(365, Math.round(vscode.workspace.getConfiguration(SECTION).get<number>('attention.days', 30)))) },
  sshDefaultUser: { key: `${SECTION}.ssh.defaultUser`, get: () => vscode.workspace.getConfiguration(SECTION).get<string>('ssh.defaultUser', 'root').trim() || 'root' },
  sshDefaultPort: {
    key: `${SECTION}.ssh.defaultPort`,
    get: () => {
      const port = Math.round(vscode.workspace.getConfiguration(SECTION).get<number>('ssh.defaultPort', 22));
      return port >= 1 && port <= 65535 ? port : 22;
    },
  },
} as const;
