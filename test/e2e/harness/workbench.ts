import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { CodeServer } from './codeServer';
import { ensureChromium, ROOT } from './tools';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** A browser window on a code-server workbench, with the gestures a user makes. */
export class Workbench {
  private constructor(
    readonly browser: Browser,
    readonly page: Page,
    readonly server: CodeServer,
  ) {}

  static async open(server: CodeServer): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: ensureChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Where focus went, and when: a gesture that did not take is explained by what took focus from it.
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { __focusLog: string[] }).__focusLog = log;
      const describe = (el: EventTarget | null) => {
        const e = el as HTMLElement | null;
        return e && e.tagName ? `${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 3).join('.')}` : String(el);
      };
      document.addEventListener('focusin', (ev) => {
        log.push(`${Math.round(performance.now())} focus ${describe(ev.target)}`);
        if (log.length > 40) {
          log.shift();
        }
      }, true);
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.folder)}`);
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    return new Workbench(browser, page, server);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Clicks the Cloud Portal entry in the activity bar. */
  async openCloudPortal(): Promise<void> {
    const entry = this.page.locator('.activitybar [aria-label^="Cloud Portal"]').first();
    await entry.waitFor({ timeout: 30_000 });
    const pane = this.page.locator('.pane-header[aria-label^="Services"]');
    if (!(await pane.isVisible())) {
      await entry.click();
    }
    await pane.waitFor({ timeout: 15_000 });
  }

  /**
   * Expands one view of the Cloud Portal container and collapses the others, so its rows get the
   * height (trees only render the rows in sight).
   */
  async showOnly(viewTitle: string): Promise<void> {
    await this.openCloudPortal();
    for (const header of await this.page.locator('.pane-header').all()) {
      const label = (await header.getAttribute('aria-label')) ?? '';
      if (!/^(Services|Domains|SSL Certificates|DNS Zones|Tickets)/.test(label)) {
        continue;
      }
      const expanded = (await header.getAttribute('aria-expanded')) === 'true';
      if (label.startsWith(viewTitle) !== expanded) {
        await header.click();
      }
    }
  }

  /**
   * Waits until the side bar has not changed for `quietMs` (at most `maxMs`): a tree refresh has
   * finished. VS Code's tree view ends each refresh by focusing the tree again if it thinks it has
   * focus, and it learns that it lost focus only a timer tick later; a menu or quick input opened
   * in that moment loses focus (a quick pick closes, a context menu stops taking clicks). A user
   * never acts within those milliseconds; a script does, so it waits for trees to stand still.
   */
  async settle(quietMs = 250, maxMs = 3_000): Promise<void> {
    await this.page.evaluate(
      ([quiet, max]) =>
        new Promise<void>((resolve) => {
          const root = document.querySelector('.part.sidebar') ?? document.body;
          const observer = new MutationObserver(() => {
            clearTimeout(quietTimer);
            quietTimer = setTimeout(done, quiet);
          });
          let quietTimer = setTimeout(done, quiet);
          const capTimer = setTimeout(done, max);
          function done() {
            observer.disconnect();
            clearTimeout(quietTimer);
            clearTimeout(capTimer);
            resolve();
          }
          observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        }),
      [quietMs, maxMs],
    );
  }

  /**
   * Developer: Reload Window, as a user does: the workbench saves its state (open editors, panel
   * state, webview state) on the way out, so nothing has to be waited for before it.
   */
  async reloadWindow(): Promise<void> {
    const navigated = this.page.waitForEvent('framenavigated', { predicate: (frame) => frame === this.page.mainFrame(), timeout: 60_000 });
    await this.runCommand('Developer: Reload Window');
    await navigated;
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  }

  /** F1, the command's title, Enter. */
  async runCommand(title: string): Promise<void> {
    await this.settle();
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input[type="text"], .quick-input-widget input:not([type])').first();
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Waits for a quick pick and chooses the row whose label contains `label`. */
  async pick(label: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  /** Chooses the quick-pick row whose label is exactly `label`. */
  async pickExact(label: string): Promise<void> {
    const row = this.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }

  /** Waits until the quick input's title (or, without a title, its prompt) mentions `text`. */
  async waitForTitle(text: string): Promise<void> {
    const widget = this.quickInput();
    await widget
      .locator('.quick-input-title, .quick-input-message')
      .filter({ hasText: text })
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
  }

  /**
   * Types into the input box titled `expecting` without pressing Enter and returns the validation message, waiting
   * (up to 10 s) for one that matches `expected` — validation runs asynchronously.
   */
  async typeAndReadValidation(text: string, expected: RegExp, expecting: string): Promise<string> {
    const widget = this.quickInput();
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    // The same widget serves each step of a form: typing before this step's box is up would land
    // in the previous one (and be cleared when this one opens).
    await this.waitForTitle(expecting);
    await widget.locator('input').first().fill(text);
    const deadline = Date.now() + 10_000;
    let message = '';
    while (Date.now() < deadline) {
      message = (await widget.locator('.quick-input-message').innerText().catch(() => '')).trim();
      if (expected.test(message)) {
        break;
      }
      await this.page.waitForTimeout(100);
    }
    return message;
  }

  /** The text in the open input box (to check what a form kept). */
  async inputValue(expecting?: string): Promise<string> {
    const widget = this.quickInput();
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    if (expecting) {
      await this.waitForTitle(expecting);
    }
    return widget.locator('input').first().inputValue();
  }

  /** A row of a view by its text. */
  row(viewTitle: string, text: string | RegExp): Locator {
    return this.viewRows(viewTitle).filter({ hasText: text }).first();
  }

  /**
   * Expands a row and waits for a child to show. It waits first for the row to be expandable (a row
   * can become so later: a service whose VMs the portal's `/methods` reveals in the background).
   */
  async expand(row: Locator, child?: { view: string; text: string | RegExp }): Promise<void> {
    await row.waitFor({ timeout: 30_000 });
    const expandable = this.page.locator('.monaco-list-row[aria-expanded]').and(row);
    await expandable.waitFor({ timeout: 30_000 });
    if ((await expandable.getAttribute('aria-expanded')) === 'false') {
      await this.pointerAway();
      await expandable.locator('.monaco-tl-twistie').click();
    }
    if (child) {
      await this.row(child.view, child.text).waitFor({ timeout: 30_000 });
    }
  }

  /**
   * Moves the pointer off the views, as a hand does between one row and the next, and waits until no
   * tooltip is shown. A row's tooltip comes when the pointer rests on it (here, where an earlier click
   * left it while the rows changed under it) and can cover the row to click next: the driver's click
   * then waits for that row to be uncovered, and the pointer that keeps the tooltip open never moves.
   */
  private async pointerAway(): Promise<void> {
    const editor = await this.page.locator('.part.editor').first().boundingBox();
    if (editor) {
      await this.page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
    }
    await this.page.locator('.workbench-hover-container').first().waitFor({ state: 'hidden', timeout: 5_000 });
  }

  /** Clicks a row (opens a ticket, runs a message row's Retry), the pointer coming from off the views. */
  async clickRow(row: Locator): Promise<void> {
    await row.waitFor({ timeout: 30_000 });
    await this.pointerAway();
    await row.click();
  }

  /** Clicks an inline action (the icons shown on hover) of a row. */
  async inlineAction(row: Locator, title: string): Promise<void> {
    await row.waitFor({ timeout: 30_000 });
    await this.pointerAway();
    await this.settle();
    await row.hover();
    await row.locator(`.actions .action-label[aria-label^="${title}"]`).first().click();
  }

  /** Waits for an input box (optionally one whose title or prompt contains `expecting`), types, Enter. */
  async type(text: string, expecting?: string): Promise<void> {
    const widget = this.quickInput();
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    if (expecting) {
      await this.waitForTitle(expecting);
    }
    const input = widget.locator('input').first();
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /** The rows of a view in the Cloud Portal container, by the view's title. */
  viewRows(viewTitle: string): Locator {
    return this.page.locator(`.pane:has(.pane-header[aria-label^="${viewTitle}"]) .monaco-list-row`);
  }

  async rowTexts(viewTitle: string): Promise<string[]> {
    return (await this.viewRows(viewTitle).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }

  /**
   * Right-clicks a row and chooses a context-menu entry: the pointer moves onto the entry (which
   * focuses it) and Enter runs it. Not a click: VS Code's menu items listen for the mouse button only
   * 100 ms after the menu was drawn (against the right-click's own release choosing an entry,
   * `BaseMenuActionViewItem.runOnceToEnableMouseUp`), so on a busy machine a click that came sooner was
   * dropped; Enter on the focused entry has no such window. VS Code closes the menu before it runs the
   * entry: a menu still open afterwards ran nothing, and the test fails with where focus went.
   */
  async contextMenu(row: Locator, entry: string): Promise<void> {
    const menu = this.page.locator('.context-view .monaco-menu');
    await row.waitFor({ timeout: 30_000 });
    await this.pointerAway();
    await this.settle();
    await this.mark('right-click');
    await row.click({ button: 'right' });
    const item = this.page.locator('.context-view .action-menu-item', { hasText: entry }).first();
    await item.waitFor({ state: 'visible' });
    await item.hover();
    await this.page.locator('.context-view .action-item.focused', { hasText: entry }).first().waitFor({ state: 'visible' });
    await this.mark(`Enter on ${entry}`);
    await this.page.keyboard.press('Enter');
    try {
      await menu.waitFor({ state: 'detached', timeout: 3_000 });
    } catch (e) {
      const focus = await this.focusLog();
      // A menu left open would swallow every later click of the next test.
      await this.page.keyboard.press('Escape');
      throw new Error(`the context menu did not take “${entry}”: ${(e as Error).message}\nfocus: ${focus.join('\n  ')}`);
    }
  }

  private async mark(what: string): Promise<void> {
    await this.page.evaluate((w) => (window as unknown as { __focusLog?: string[] }).__focusLog?.push(`${Math.round(performance.now())} ${w}`), what).catch(() => undefined);
  }

  /** The last focus changes in the page (newest last), with page-clock milliseconds. */
  async focusLog(): Promise<string[]> {
    const log = await this.page.evaluate(() => (window as unknown as { __focusLog?: string[] }).__focusLog ?? []).catch(() => []);
    return [...log.slice(-8), `${await this.page.evaluate(() => Math.round(performance.now())).catch(() => '?')} now`];
  }

  /** The modal dialog's message, and a button to press. */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async pressDialogButton(label: string): Promise<void> {
    await this.dialog().locator('.monaco-button', { hasText: label }).first().click();
  }

  /** The content document of the active webview panel (two nested iframes in the web workbench). */
  webview(): import('playwright-core').FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

  /** New Order… from the palette, a category and a product: the order form, once it shows the product. */
  async openOrderForm(category: string, product: string): Promise<import('playwright-core').FrameLocator> {
    await this.runCommand('Cloud Portal: New Order…');
    await this.pick(category);
    await this.pick(product);
    const form = this.webview();
    await form.locator('h1', { hasText: `New order: ${product}` }).waitFor({ timeout: 20_000 });
    return form;
  }

  notifications(): Locator {
    return this.page.locator('.notifications-toasts .notification-list-item-message');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
