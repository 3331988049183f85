import { startMockPortal } from './mockPortal';
import { LARGE_ACCOUNT } from './seed';

/** `npm run mock-portal -- [--port 8787] [--latency 50] [--large]`: runs the mock portal until Ctrl+C. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const portal = await startMockPortal({
    port: Number(option('port') ?? process.env.MOCK_PORTAL_PORT ?? 8787),
    latencyMs: Number(option('latency') ?? 0),
    transitionMs: Number(option('transition') ?? 3000),
    size: args.includes('--large') ? LARGE_ACCOUNT : undefined,
  });
  process.stdout.write(
    [
      `Mock portal listening on ${portal.url}`,
      `  ElseCloud API root:   ${portal.apiRoot('elsecloud')}   (demo@elsecloud.test / demo-password)`,
      `  ALTERNcloud API root: ${portal.apiRoot('alterncloud')} (demo@alterncloud.test / demo-password)`,
      `  Control: ${portal.url}/__mock/health, /__mock/requests, /__mock/faults`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void portal.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
