/** `npm start`: read the environment, start Tablica, store everything on SIGTERM/SIGINT. */
import { ConfigError, loadConfig } from './config';
import { startTablica } from './app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nTablica did not start. Fix the variables above and try again.\n`);
      process.exit(1);
    }
    throw err;
  }
  const tablica = await startTablica(config);
  process.stdout.write(`Tablica is running at ${config.publicUrl ?? `http://localhost:${tablica.port}`} (data in ${config.dataDir})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: storing every board and stopping…\n`);
    tablica.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Tablica failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
