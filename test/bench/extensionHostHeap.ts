// Runs inside the real extension host (loaded by the runner extension, as the extension-host suite
// is): the extension host's own heap before and after Cloud Portal has loaded everything of one
// large account, which is what Go to Resource does (services, VMs, domains and their records, DNS
// zones and their records, tickets) and then holds in its quick pick.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { mockControl } from '../extension-host/mockControl';

export interface HeapFigures {
  beforeMb: number;
  afterMb: number;
  requests: number;
  collected: boolean;
}

const MOCK = process.env.CLOUD_PORTAL_MOCK_URL ?? '';

async function portalRequests(): Promise<{ path: string; status: number; doneAt?: number }[]> {
  return (await mockControl<{ requests: { path: string; status: number; doneAt?: number }[] }>(`${MOCK}/__mock/requests`)).requests;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until the portal has seen no new request for `quietMs` and every request was answered. */
async function settled(quietMs: number, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const requests = await portalRequests();
    if (requests.length !== last || requests.some((r) => r.doneAt === undefined)) {
      last = requests.length;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return requests.length;
    }
    if (Date.now() > deadline) throw new Error('the portal never went quiet');
    await sleep(100);
  }
}

/** V8's collector, made callable at run time (the extension host is not started with --expose-gc). */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

function heapMb(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export async function runAndReport(): Promise<HeapFigures> {
  const gc = collector();
  // Activates Cloud Portal (its demo account, the large one, signs in) and waits for that to end.
  await vscode.commands.executeCommand('cloudPortal.services.refresh');
  await settled(1_500);
  const before = heapMb(gc);
  const requestsBefore = (await portalRequests()).length;
  // Not awaited: the command resolves only when its quick pick closes.
  void vscode.commands.executeCommand('cloudPortal.goToResource');
  const requestsAfter = await settled(2_000);
  await sleep(500);
  const after = heapMb(gc);
  await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  return { beforeMb: before, afterMb: after, requests: requestsAfter - requestsBefore, collected: gc !== undefined };
}
