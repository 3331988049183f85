import * as vscode from 'vscode';
import { ConnectionSettings } from './api/portalApi';

const SECTION = 'cloudPortal';

/** Connection settings from the `cloudPortal.*` configuration, read when a client is created. */
export function connectionSettings(): Pick<ConnectionSettings, 'timeoutMs' | 'maxConnections' | 'userAgent'> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const timeout = config.get<number>('requestTimeoutSeconds', 30);
  const connections = config.get<number>('maxConcurrentRequestsPerAccount', 6);
  return {
    timeoutMs: Math.max(5, Math.min(300, timeout)) * 1000,
    maxConnections: Math.max(1, Math.min(16, Math.round(connections))),
    userAgent: `cloud-portal-vscode/${vscode.extensions.getExtension('cloud-portal.cloud-portal')?.packageJSON.version ?? 'dev'} vscode/${vscode.version}`,
  };
}

/** How long loaded resources are reused before the portal is asked again. */
export function cacheTtlMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('cacheTtlSeconds', 60);
  return Math.max(0, seconds) * 1000;
}
