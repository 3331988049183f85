/**
 * The logging surface the client writes to. VS Code's LogOutputChannel satisfies it as it is;
 * tests pass a recorder. Nothing secret may reach it: use the redaction helpers below.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_KEYS = /pass(word)?|token|refresh|secret|authorization|epp|auth_?code/i;
/** Endpoints whose request and response bodies are never logged. */
const SECRET_PATHS = /\/(login|token|revoke|logout)$|\/epp$/;

export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (SECRET_HEADERS.has(name.toLowerCase())) {
      const scheme = value.split(' ')[0];
      out[name] = `${scheme} <redacted>`;
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** A loggable rendering of a JSON body, with secrets removed; undefined for paths never logged. */
export function redactBody(path: string, body: unknown): string | undefined {
  if (SECRET_PATHS.test(path.replace(/\?.*$/, ''))) {
    return undefined;
  }
  return JSON.stringify(body, (key, value) =>
    key !== '' && SECRET_KEYS.test(key) && value !== null && typeof value !== 'object' ? '<redacted>' : value,
  );
}
