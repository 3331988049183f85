const two = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as the last-known marks show it: "09:03" today, "2026-12-04 09:03" on another day (local
 * time). Built by hand: `toLocaleTimeString` sets up the runtime's date formatting on its first call
 * (~20 ms in a fresh extension host), and the account rows are drawn at a window's start.
 */
export function whenText(at: number, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  const time = `${two(date.getHours())}:${two(date.getMinutes())}`;
  const sameDay = date.getFullYear() === today.getFullYear() && date.getMonth() === today.getMonth() && date.getDate() === today.getDate();
  return sameDay ? time : `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${time}`;
}
