// One Virage instance of the instances benchmark, in its own process (its own core): the environment
// says where the store (STORE=postgres, DATABASE_URL) and Redis (REDIS_URL, REDIS_PREFIX) are. Prints
// "port N" once listening. Usage: node dist/bench/instance-child.js DATA_DIR
import { loadConfig } from '../src/config.js';
import { createVirage } from '../src/index.js';

const [dataDir] = process.argv.slice(2);
const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
const virage = await createVirage(config);
const port = await virage.start(0);
process.stdout.write(`port ${port}\n`);
process.once('SIGTERM', () => void virage.stop().then(() => process.exit(0)));
