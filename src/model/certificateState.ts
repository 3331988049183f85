// When a certificate lapses and whether it is issued, from the fields portals send (`cert_expires`,
// `next_due`, `status`, `cert_status`). Plain data.

/** When a certificate lapses: its expiry, else its next due date (ms since the epoch), or undefined. */
export function certificateExpiry(c: { cert_expires: string; next_due: string }): number | undefined {
  for (const text of [c.cert_expires, c.next_due]) {
    const at = Date.parse(text.replace(' ', 'T'));
    if (text && !/^0000/.test(text) && Number.isFinite(at)) return at;
  }
  return undefined;
}

/** The day a certificate lapses (`YYYY-MM-DD`, as the portal states it): its expiry, else its next due date. */
export function certificateExpiryDay(c: { cert_expires: string; next_due: string }): string | undefined {
  return [c.cert_expires, c.next_due].find((text) => /^\d{4}-\d\d-\d\d/.test(text) && !/^0000/.test(text))?.slice(0, 10);
}

/** Whether the portal has issued the certificate (it can be opened and saved). */
export function certificateIssued(c: { status: string; cert_status: string }): boolean {
  return /^(issued|active|valid)$/i.test(c.cert_status || c.status);
}
