// What the benchmark measures in a real VS Code (code-server): activation, and how fast large
// answers become rows and messages on screen.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startMockPortal } from '../mock-portal/mockPortal';
import { MockDnsRecord } from '../mock-portal/model';
import { startCodeServer } from '../e2e/harness/codeServer';
import { VSIX } from '../e2e/harness/session';
import { Workbench } from '../e2e/harness/workbench';
import { ROWS_PER_PAGE } from '../../src/views/viewSpecs';

export interface WorkbenchFigures {
  activationMs: number;
  activationEvent: string;
  zoneRecords: number;
  zonePage: number;
  zoneRenderMs: number;
  zoneAllMs: number;
  ticketReplies: number;
  ticketRenderMs: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function runWorkbenchBench(): Promise<WorkbenchFigures> {
  const portal = await startMockPortal({ transitionMs: 1500 });
  const RECORDS = 5000;
  const REPLIES = 300;
  const state = portal.state('elsecloud');
  const records: MockDnsRecord[] = Array.from({ length: RECORDS }, (_, i) => ({ id: String(700000 + i), name: `host${i}`, type: 'A', ttl: 3600, priority: 0, content: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
  state.zones.push({ id: '7000', serviceId: '303', name: 'big-zone.example', records });
  state.tickets.push({
    number: '799999',
    subject: 'A very long conversation',
    status: 'Open',
    date: '2026-11-01 09:00:00',
    dept_id: '1',
    client_read: true,
    body: 'The first message.',
    attachments: [],
    replies: Array.from({ length: REPLIES }, (_, r) => ({ id: String(990000 + r), name: r % 2 ? 'Joe Doe' : 'Support', date: '2026-11-02 10:00:00', type: r % 2 ? 'Client' : 'Admin', attachments: [], body: `Reply number ${r}\nwith a second line.` })),
  });
  const server = await startCodeServer({
    vsix: VSIX,
    env: {
      CLOUD_PORTAL_PROVIDER_ROOTS: JSON.stringify({ elsecloud: portal.apiRoot('elsecloud'), alterncloud: portal.apiRoot('alterncloud') }),
      CLOUD_PORTAL_DEMO_ACCOUNTS: JSON.stringify([{ providerId: 'elsecloud', username: 'demo@elsecloud.test', password: 'demo-password', authMode: 'basic', label: 'Else' }]),
    },
    settings: { 'cloudPortal.tickets.pollMinutes': 0, 'cloudPortal.notifications.pollMinutes': 0 },
  });
  const wb = await Workbench.open(server);
  try {
    await wb.openCloudPortal();
    // Activation: the extension's own measurement in its log, and what VS Code says activated it.
    const logs = join(server.userDataDir, 'logs');
    const activation = await until('the extension logged its activation', () => {
      for (const file of filesUnder(logs).filter((f) => f.endsWith('Cloud Portal.log'))) {
        const m = /Activated in ([\d.]+) ms/.exec(readFileSync(file, 'utf8'));
        if (m) return Number(m[1]);
      }
      return undefined;
    });
    const activationEvent =
      filesUnder(logs)
        .filter((f) => /exthost\.log$/.test(f))
        .map((f) => /cloud-portal\.cloud-portal.*?activationEvent: '([^']+)'/.exec(readFileSync(f, 'utf8'))?.[1])
        .find(Boolean) ?? 'unknown';
    await until('the demo account is signed in', () => (portal.received({ path: 'details' }).some((r) => r.status === 200) ? true : undefined));

    // A 5,000-record zone: from the last byte of the portal's answer to the first record row on screen.
    await wb.showOnly('DNS Zones');
    const zoneRow = wb.row('DNS Zones', 'big-zone.example');
    await zoneRow.waitFor({ timeout: 30_000 });
    await zoneRow.locator('.monaco-tl-twistie').click();
    await wb.row('DNS Zones', /host\d+/).waitFor({ timeout: 60_000 });
    const shownAt = Date.now();
    const zoneAnswer = portal.received({ path: 'service/303/dns/7000' }).at(-1);
    if (!zoneAnswer) throw new Error(`no zone request: ${portal.received().map((r) => r.path).join(', ')}`);
    // Then all 5,000 rows, from the click on "Show All" until the tree has them.
    // The "Show All" row ends the first page: scroll the tree to it.
    await wb.row('DNS Zones', /host\d+/).click();
    await wb.page.keyboard.press('End');
    const showAll = wb.row('DNS Zones', /Show All 5,000/);
    await showAll.waitFor({ timeout: 10_000 });
    const clickedAt = Date.now();
    await showAll.click();
    await showAll.waitFor({ state: 'detached', timeout: 60_000 });
    const allShownAt = Date.now();
    // A 300-reply ticket: from the answer to the last message in the conversation page.
    await wb.showOnly('Tickets');
    await wb.row('Tickets', 'A very long conversation').click();
    await wb.webview().locator('.message').nth(REPLIES).waitFor({ timeout: 60_000 });
    const ticketShownAt = Date.now();
    const ticketAnswer = portal.received({ path: 'tickets/799999' }).at(-1)!;
    return {
      activationMs: activation,
      activationEvent,
      zoneRecords: RECORDS,
      zonePage: ROWS_PER_PAGE,
      zoneRenderMs: shownAt - (zoneAnswer.doneAt ?? zoneAnswer.at),
      zoneAllMs: allShownAt - clickedAt,
      ticketReplies: REPLIES,
      ticketRenderMs: ticketShownAt - (ticketAnswer.doneAt ?? ticketAnswer.at),
    };
  } finally {
    await wb.close().catch(() => undefined);
    await server.stop();
    await portal.stop();
  }
}
