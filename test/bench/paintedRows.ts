// The page's own moments for a window figure: the user's gesture (the browser's event) and the frame
// that paints the rows it brings (a MutationObserver, then the next frame), so that no figure includes
// the test driver's polling. Used for Cloud Portal's views and for the window-floor fixture alike.
import type { Page } from 'playwright-core';

/**
 * Notes in the page the moment a row under `rowSelector` whose text matches `pattern` is on screen
 * (after the next painted frame), and the moment of the gesture (`cpGestureAt`: the next mouse button
 * press, or Enter).
 */
export async function armRowWatch(page: Page, rowSelector: string, pattern: string): Promise<void> {
  await page.evaluate(
    ([selector, source]) => {
      const w = window as unknown as { cpShownAt?: number; cpGestureAt?: number };
      w.cpShownAt = undefined;
      w.cpGestureAt = undefined;
      // The gesture's moment is the browser's own event (the driver's click waits for the element
      // to be stable first, which is not the user's time).
      const gesture = (e: Event) => {
        if (e.type === 'keydown' && (e as KeyboardEvent).key !== 'Enter') return;
        w.cpGestureAt ??= performance.timeOrigin + e.timeStamp;
        window.removeEventListener('mousedown', gesture, true);
        window.removeEventListener('keydown', gesture, true);
      };
      window.addEventListener('mousedown', gesture, true);
      window.addEventListener('keydown', gesture, true);
      const re = new RegExp(source);
      const shown = () => Array.from(document.querySelectorAll(selector)).some((row) => re.test(row.textContent ?? ''));
      const observer = new MutationObserver(() => {
        if (shown()) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => (w.cpShownAt = performance.timeOrigin + performance.now())));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    [rowSelector, pattern] as const,
  );
}

/** From the gesture to the painted rows, in ms; and the gesture's moment (epoch ms). */
export async function measured(page: Page): Promise<{ ms: number; gestureAt: number }> {
  const handle = await page.waitForFunction(() => {
    const w = window as unknown as { cpShownAt?: number; cpGestureAt?: number };
    return w.cpShownAt && w.cpGestureAt ? [w.cpShownAt, w.cpGestureAt] : undefined;
  }, undefined, { timeout: 60_000 });
  const [shown, gesture] = (await handle.jsonValue()) as [number, number];
  return { ms: shown - gesture, gestureAt: gesture };
}

/**
 * From every page load on: notes the moment (`cpRowsAt`, epoch ms) the first row at level 2 under
 * `rowSelector` (a row below an account: the view's content) is painted.
 */
export async function noteFirstContentRowsOnLoad(page: Page, rowSelector: string): Promise<void> {
  await page.addInitScript((selector) => {
    const w = window as unknown as { cpRowsAt?: number };
    const observer = new MutationObserver(() => {
      if (document.querySelector(`${selector}[aria-level="2"]`)) {
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (w.cpRowsAt = performance.timeOrigin + performance.now())));
      }
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true, characterData: true }));
  }, rowSelector);
}

/** The moment `noteFirstContentRowsOnLoad` noted in this page load (waits for it). */
export async function firstContentRowsAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { cpRowsAt?: number }).cpRowsAt, undefined, { timeout: 60_000 });
  return (await handle.jsonValue()) as number;
}
