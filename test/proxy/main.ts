import { createInterface } from 'node:readline';
import { TestProxy } from './testProxy';

/**
 * The test proxy as its own process (the bench): `node main.js '{"host":"127.0.0.1"}'`. Prints its
 * URL; answers each line on stdin with `tunnels N`; stops on SIGTERM or when stdin closes.
 */
async function main(): Promise<void> {
  const proxy = await new TestProxy({ hosts: JSON.parse(process.argv[2] ?? '{}') }).start();
  process.stdout.write(`Test proxy listening on ${proxy.url}\n`);
  const stop = () => void proxy.stop().then(() => process.exit(0));
  createInterface({ input: process.stdin }).on('line', () => process.stdout.write(`tunnels ${proxy.tunnels().length}\n`)).on('close', stop);
  process.on('SIGTERM', stop);
}

void main();
