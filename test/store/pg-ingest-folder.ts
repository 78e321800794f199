// A process of its own ingesting files and folders into one PostgreSQL corpus, as a second parley would:
// node --import tsx test/store/pg-ingest-folder.ts <database url> <corpus name> <path>...
import process from 'node:process';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openPool } from '../../src/store/postgres/pool.ts';
import { corpusId } from '../../src/store/postgres/write.ts';
import { pgIngestStore } from './pg-ingest.ts';

const [url, corpus, ...paths] = process.argv.slice(2);
const pool = openPool(url);
try {
  const id = await corpusId(pool, corpus);
  const outcomes = await ingestPaths(pgIngestStore(pool, id, [id, 1]), paths);
  process.stdout.write(JSON.stringify(outcomes.map((o) => [o.key, o.ok ? o.result.status : o.reason])));
} finally {
  await pool.end();
}
