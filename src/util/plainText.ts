/**
 * Portal text made safe for a one-line VS Code surface (notification, status bar, quick pick):
 * control characters removed, whitespace collapsed, length capped, and Markdown link syntax
 * broken so that `[label](command:…)` in a portal message cannot become a clickable command link
 * in a notification.
 */
export function inlineText(value: string, max = 200): string {
  // Most portal text (host names, addresses, labels) is already plain: printable ASCII, single
  // spaces inside, no `]` and no `$(`. It is returned as it is without the five passes below
  // (tree rows call this for thousands of records).
  const text = PLAIN.test(value) && !value.includes('$(') ? value : sanitise(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const PLAIN = /^[\x21-\x5c\x5e-\x7e]+(?: [\x21-\x5c\x5e-\x7e]+)*$/;

function sanitise(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\]\s*\(/g, ']\u2060(')
    .replace(/\$\(/g, '$\u2060(');
}
