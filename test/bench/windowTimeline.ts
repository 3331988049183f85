// Where a window figure's time went: the moments the workbench asked the extension host for a view's
// rows and the moment rows reached the window, read from the browser's side of the remote connection
// (DevTools protocol events about its WebSocket frames; the page itself does no extra work).
import type { CDPSession, Page } from 'playwright-core';

interface Frame {
  /** Wall-clock ms (the clock `performance.timeOrigin + performance.now()` gives in the page). */
  at: number;
  /** The window asked the view for rows (a `$getChildren` call naming it). */
  asks: boolean;
  /** Rows the current watch pattern looks for arrived. */
  matches: boolean;
}

interface CdpFrame {
  timestamp: number;
  response: { opcode: number; payloadData: string };
}

/** The moments of one gesture, in ms after it; undefined where the frames did not show it. */
export interface Moments {
  /** The window's first request for the view's rows. */
  firstAsked?: number;
  /** Its last request before the rows came (e.g. an account's rows, after the top level). */
  lastAsked?: number;
  /** The rows reached the window (the extension host's answer, as the browser received it). */
  arrived?: number;
}

export class WindowTimeline {
  private frames: Frame[] = [];
  private pattern: RegExp | undefined;
  /** Called when rows matching the pattern arrive. */
  private arrivalWaiters: (() => void)[] = [];
  /** Wall-clock ms minus the protocol's monotonic ms. */
  private offsetMs = Number.NaN;

  private constructor(
    private readonly cdp: CDPSession,
    private readonly viewId: string,
  ) {}

  static async attach(page: Page, viewId: string): Promise<WindowTimeline> {
    const cdp = await page.context().newCDPSession(page);
    const timeline = new WindowTimeline(cdp, viewId);
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; timestamp: number; wallTime: number }) => {
      if (e.request.url.includes('cloud-portal-bench-clock')) timeline.offsetMs = e.wallTime * 1000 - e.timestamp * 1000;
    });
    cdp.on('Network.webSocketFrameSent', (e: CdpFrame) => timeline.record(e, true));
    cdp.on('Network.webSocketFrameReceived', (e: CdpFrame) => timeline.record(e, false));
    await cdp.send('Network.enable');
    // One request the page makes, seen with both clocks: how to turn frame times into wall-clock ones.
    await page.evaluate(() => fetch('/cloud-portal-bench-clock').then(() => undefined, () => undefined));
    return timeline;
  }

  /** Forgets what was seen; from now on, received frames are checked for `pattern` (the rows a gesture waits for). */
  watch(pattern: RegExp): void {
    this.frames = [];
    this.pattern = pattern;
  }

  /** The moments after `gestureAt` (wall-clock ms), once the rows' frame is in (at most 5 s: the protocol's events come a little after the page's). */
  async moments(gestureAt: number): Promise<Moments> {
    if (!this.frames.some((f) => f.matches && f.at >= gestureAt)) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.arrivalWaiters.push(resolve);
        timer = setTimeout(resolve, 5_000);
      });
      clearTimeout(timer);
    }
    const after = this.frames.filter((f) => f.at >= gestureAt);
    const arrived = after.find((f) => f.matches)?.at;
    const asks = after.filter((f) => f.asks && (arrived === undefined || f.at <= arrived)).map((f) => f.at);
    const since = (t: number | undefined) => (t === undefined ? undefined : t - gestureAt);
    return { firstAsked: since(asks[0]), lastAsked: since(asks[asks.length - 1]), arrived: since(arrived) };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  private record(e: CdpFrame, sent: boolean): void {
    if (Number.isNaN(this.offsetMs)) return;
    const { opcode, payloadData } = e.response;
    // VS Code's remote protocol sends binary frames; their RPC messages carry method names and JSON as text.
    const text = opcode === 2 ? Buffer.from(payloadData, 'base64').toString('latin1') : payloadData;
    const asks = sent && text.includes('$getChildren') && text.includes(this.viewId);
    const matches = !sent && this.pattern !== undefined && this.pattern.test(text);
    if (asks || matches) this.frames.push({ at: e.timestamp * 1000 + this.offsetMs, asks, matches });
    if (matches) this.arrivalWaiters.splice(0).forEach((resolve) => resolve());
  }
}

/** One moment of a gesture (ms after it), over its samples: where the figure's time went. */
export interface Stage {
  what: string;
  samples: number[];
}

/** What the window's requests for rows are called, by gesture: its first request, then its last before the rows came. */
export const ASKS = {
  topThenAccount: ['VS Code asked for the top level', 'VS Code asked for the account’s rows'],
  accountOnly: ['VS Code asked for the account’s rows', 'VS Code asked again'],
  topThenAccounts: ['VS Code asked for the top level', 'VS Code asked for the accounts’ rows'],
} as const satisfies Record<string, readonly [string, string]>;

/** Collects a figure's moments, sample by sample. */
export class Stages {
  private readonly byWhat = new Map<string, number[]>();

  add(what: string, ms: number | undefined): void {
    if (ms === undefined || !Number.isFinite(ms)) return;
    const samples = this.byWhat.get(what) ?? [];
    samples.push(ms);
    this.byWhat.set(what, samples);
  }

  /** The window's requests and the rows' arrival, with the portal's answer to the list (if one was asked after the gesture). */
  addGesture(m: Moments, listAnsweredMs: number | undefined, asks: readonly [first: string, last: string]): void {
    this.add(asks[0], m.firstAsked);
    if (m.lastAsked !== m.firstAsked) this.add(asks[1], m.lastAsked);
    this.add('the portal answered the list', listAnsweredMs);
    this.add('the rows reached the window', m.arrived);
  }

  list(): Stage[] {
    return [...this.byWhat].map(([what, samples]) => ({ what, samples }));
  }
}
