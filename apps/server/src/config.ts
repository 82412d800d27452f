import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "./platform/http/trust-proxy.ts";

/**
 * Every setting Stave reads, parsed once. Defaults work on a laptop; a bad value
 * stops start-up with one line naming the variable (see `loadConfig`).
 */
const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const postgresUrl = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
);
const byteSize = z.coerce.number().int().positive();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: postgresUrl,
  DATABASE_READ_URL: postgresUrl,
  DATABASE_READ_MAX_LAG_SECONDS: z.coerce.number().positive().max(86_400).default(5),
  // Two connections of the pool stay open for LISTEN (the job worker's and the notification
  // hub's); with fewer than three, no query would ever get one and start-up would hang.
  DATABASE_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(3, "must be at least 3: two connections stay open for notifications")
    .max(200)
    .default(10),
  SECRET_KEY: z.preprocess(emptyToUndefined, z.string().min(32, "must be at least 32 characters").optional()),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  MAIL_FROM: z.string().min(3).default("Stave <no-reply@localhost>"),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// URL")
      .optional(),
  ),
  S3_ENDPOINT: optionalUrl,
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  FFMPEG_PATH: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BODY_LIMIT_BYTES: byteSize.default(1024 * 1024),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  MAX_TRACK_DURATION_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3 * 3600),
  MAX_PROCESSING_PER_USER: z.coerce.number().int().min(1).max(64).default(2),
  ARTWORK_MAX_PIXELS: z.coerce.number().int().min(1).default(40_000_000),
  FFMPEG_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  SITE_NAME: z.string().min(1).max(80).default("Stave"),
  UPLOAD_MAX_BYTES: byteSize.default(1024 ** 3),
  STORAGE_QUOTA_BYTES: byteSize.default(10 * 1024 ** 3),
  MEDIA_SIGNING_SECRET: z.preprocess(emptyToUndefined, z.string().min(16, "must be at least 16 characters").optional()),
  MEDIA_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  STREAM_URL_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(6 * 3600),
  // A hop count or the proxies' addresses; see platform/http/trust-proxy.ts for why not `true`.
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (typeof parsed !== "string") return parsed;
      ctx.addIssue({ code: "custom", message: parsed });
      return z.NEVER;
    }),
  NODE_ENV: optionalString,
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().min(16, "must be at least 16 characters").optional()),
});

export type Env = z.input<typeof envSchema>;

export type Config = ReturnType<typeof toConfig>;

const publicUrlOf = (env: z.output<typeof envSchema>) =>
  (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");

/** Production: said so by NODE_ENV, or implied by users reaching Stave over https. */
const isProduction = (env: z.output<typeof envSchema>) =>
  env.NODE_ENV === "production" || publicUrlOf(env).startsWith("https://");

/**
 * In production, the laptop defaults that would expose an instance stop start-up, one at a
 * time, as "<VARIABLE>: <what to set>". Session cookies are `Secure` exactly when
 * PUBLIC_URL is https (app.ts), so requiring https is what makes them Secure.
 */
function productionProblem(env: z.output<typeof envSchema>): string | undefined {
  if (!isProduction(env)) return undefined;
  if (!publicUrlOf(env).startsWith("https://")) {
    return "PUBLIC_URL: must be an https:// address in production (NODE_ENV=production), so session cookies are Secure";
  }
  if (!env.METRICS_TOKEN) {
    return "METRICS_TOKEN: must be set in production (16+ characters), or /metrics is open to anyone";
  }
  if (!env.SMTP_URL) {
    return "SMTP_URL: must be set in production, or mail (and the links in it) only goes to files in DATA_DIR/outbox";
  }
  return undefined;
}

function toConfig(env: z.output<typeof envSchema>) {
  const dataDir = path.resolve(env.DATA_DIR);
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: publicUrlOf(env),
    production: isProduction(env),
    dataDir,
    databaseUrl: env.DATABASE_URL,
    databaseReadUrl: env.DATABASE_READ_URL,
    databaseReadMaxLagSeconds: env.DATABASE_READ_MAX_LAG_SECONDS,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    secretKey: env.SECRET_KEY,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    redisUrl: env.REDIS_URL,
    s3: env.S3_BUCKET
      ? {
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          bucket: env.S3_BUCKET,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    ffmpegPath: env.FFMPEG_PATH,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    workerConcurrency: env.WORKER_CONCURRENCY,
    maxTrackDurationSeconds: env.MAX_TRACK_DURATION_SECONDS,
    maxProcessingPerUser: env.MAX_PROCESSING_PER_USER,
    artworkMaxPixels: env.ARTWORK_MAX_PIXELS,
    ffmpegThreads: env.FFMPEG_THREADS,
    siteName: env.SITE_NAME,
    uploadMaxBytes: env.UPLOAD_MAX_BYTES,
    storageQuotaBytes: env.STORAGE_QUOTA_BYTES,
    mediaSigningSecret: env.MEDIA_SIGNING_SECRET,
    streamUrlTtlSeconds: env.STREAM_URL_TTL_SECONDS,
    mediaCacheBytes: env.MEDIA_CACHE_BYTES,
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN,
    paths: {
      postgres: path.join(dataDir, "postgres"),
      media: path.join(dataDir, "media"),
      outbox: path.join(dataDir, "outbox"),
      tmp: path.join(dataDir, "tmp"),
      secretKeyFile: path.join(dataDir, "secret.key"),
    },
  };
}

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid configuration: ${name}: ${issue?.message ?? "is invalid"}`);
  }
  const problem = productionProblem(parsed.data);
  if (problem) throw new ConfigError(`Invalid configuration: ${problem}`);
  return toConfig(parsed.data);
}
