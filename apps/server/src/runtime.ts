import { mkdir } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import type { Config } from "./config.ts";
import { buildJobRegistry } from "./jobs.ts";
import { serverPath } from "./paths.ts";
import { createDatabase, type Database } from "./platform/db/database.ts";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./platform/db/embedded.ts";
import { migrate } from "./platform/db/migrate.ts";
import { trustProxyWarning } from "./platform/http/trust-proxy.ts";
import { JobWorker } from "./platform/jobs/index.ts";
import type { Logger } from "./platform/logger.ts";
import { createMailer, type Mailer } from "./platform/mail/index.ts";
import { createMediaToolkit } from "./platform/media/index.ts";
import { orphanedToolsWarning } from "./platform/media/process.ts";
import { resolveSecretKey } from "./platform/secret-key.ts";
import { createLocalStorage, type Storage } from "./platform/storage/index.ts";
import { buildServices, mediaLimitsOf } from "./services.ts";

export const defaultWebDist = serverPath("../web/dist/");

export interface Runtime {
  config: Config;
  database: Database;
  storage: Storage;
  mailer: Mailer;
  secretKey: string;
  app: FastifyInstance | null;
  worker: JobWorker | null;
  stop(): Promise<void>;
}

/**
 * Opens the database (starting the embedded one when no DATABASE_URL is set) and
 * applies pending migrations. Returns the database and a stop for what it started.
 */
export async function openDatabase(config: Config, logger: Logger) {
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.paths.postgres, logger);
    url = embedded.url;
  }
  const database = createDatabase({
    url,
    readUrl: config.databaseReadUrl,
    readMaxLagSeconds: config.databaseReadMaxLagSeconds,
    poolSize: config.databasePoolSize,
    logger,
  });
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ applied }, "database migrated");
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
  return {
    database,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}

/** Starts what one process runs: the HTTP server, the job worker, or both (`stave start`). */
export async function startRuntime(
  config: Config,
  logger: Logger,
  roles: { http: boolean; worker: boolean },
): Promise<Runtime> {
  if (config.s3) throw new Error("S3_BUCKET is set, but this build only stores media in DATA_DIR");
  await mkdir(config.paths.tmp, { recursive: true });
  const secretKey = await resolveSecretKey(config.secretKey, config.paths.secretKeyFile);
  const { database, close } = await openDatabase(config, logger);
  const storage = createLocalStorage(config.paths.media);
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    outboxDir: config.paths.outbox,
    logger,
  });

  const media = createMediaToolkit({ ffmpegPath: config.ffmpegPath, logger, limits: mediaLimitsOf(config) });
  const services = buildServices({ config, database, storage, media, logger, secretKey });

  let app: FastifyInstance | null = null;
  let worker: JobWorker | null = null;
  const stop = async () => {
    await app?.close();
    await worker?.stop();
    mailer.close();
    await services.close();
    await close();
  };
  try {
    // Read the instance settings and start listening for changes now, so even a worker-only
    // process's first mail names the site as an admin set it.
    await services.settings.current();
    if (roles.worker) {
      worker = new JobWorker({
        database,
        registry: buildJobRegistry({ database, mailer, services }),
        logger: logger.child({ component: "worker" }),
        concurrency: config.workerConcurrency,
      });
      await worker.start();
      const orphanWarning = orphanedToolsWarning();
      if (orphanWarning) logger.warn(orphanWarning);
    }
    if (roles.http) {
      app = await buildApp({ config, database, storage, media, logger, secretKey, services, webDist: defaultWebDist });
      await app.listen({ port: config.port, host: config.host });
      const proxyWarning = trustProxyWarning(config.trustProxy, config.host);
      if (proxyWarning) logger.warn(proxyWarning);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { config, database, storage, mailer, secretKey, app, worker, stop };
}
