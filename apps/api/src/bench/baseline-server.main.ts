import { loadConfigOrExit } from '../cli/cli.js';
import { createBaselineServer } from './baseline-server.js';

/**
 * The baseline server as a process of its own (started by the HTTP benchmarks beside the API): the API's
 * configuration (DATABASE_URL, DATABASE_APP_PASSWORD, DATABASE_POOL_SIZE, JWT_SECRET, HOST, PORT). Prints
 * "ready <port>" once listening; SIGTERM closes it.
 */
const config = loadConfigOrExit();
const { server, close } = createBaselineServer(config);
server.listen(config.port, config.host, () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? String(address.port) : ''}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void close().finally(() => process.exit(0));
  });
}
