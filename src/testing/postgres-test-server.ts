import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startTestCluster } from '../../scripts/pg-test-cluster.mjs';

/**
 * The PostgreSQL server tests use: $COUNTERCLAIM_TEST_POSTGRES (a URL to a
 * server where we may create databases; `npm test` starts one throw-away
 * cluster for the whole run and sets it), else a cluster started for this
 * test process and removed when it exits. `skip` says why there is none; with
 * CI=true there is always one or this throws.
 */
export type TestPostgres = { readonly adminUrl: string; readonly skip?: undefined } | { readonly skip: string };

let server: TestPostgres | undefined;

export function testPostgres(): TestPostgres {
  if (server) return server;
  const fromEnv = process.env.COUNTERCLAIM_TEST_POSTGRES;
  if (fromEnv) return (server = { adminUrl: fromEnv });
  const cluster = startTestCluster();
  if ('skip' in cluster) return (server = { skip: cluster.skip });
  process.on('exit', () => cluster.stop());
  return (server = { adminUrl: cluster.adminUrl });
}

/** A new, empty database on the test server, and a way to drop it. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cc_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The same server URL naming another database (the path is the database). */
export function databaseUrl(serverUrl: string, db: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(serverUrl);
  if (!match) throw new Error(`not a PostgreSQL URL: ${serverUrl}`);
  return `${match[1]}/${db}${match[3] ?? ''}`;
}
