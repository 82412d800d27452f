import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.ts";
import { createUserAsOperator } from "./modules/accounts/index.ts";
import { setRoleAsOperator, suspendAsOperator, unsuspendAsOperator } from "./modules/admin/index.ts";
import { createLogger } from "./platform/logger.ts";
import { createLocalStorage, ImmutableObjectCache } from "./platform/storage/index.ts";
import { openDatabase, startRuntime } from "./runtime.ts";

const usage = `Usage: stave <command>

  start                 API, job worker and web app in one process (the default)
  serve                 API and web app only
  worker                job worker only
  migrate               apply pending database migrations and exit
  admin create-user --email <email> --username <name> --role <role> [--password <pw>]
  admin set-role --user <email|username> --role <role>
  admin suspend --user <email|username> --reason <text>
                        sign them out everywhere, refuse sign-in, hide their tracks
  admin unsuspend --user <email|username>
`;

async function main(argv: string[]): Promise<number> {
  const [command = "start", ...rest] = argv;
  if (command === "help" || command === "--help") {
    process.stdout.write(usage);
    return 0;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel);

  switch (command) {
    case "start":
    case "serve":
    case "worker": {
      const runtime = await startRuntime(config, logger, {
        http: command !== "worker",
        worker: command !== "serve",
      });
      if (runtime.app) process.stdout.write(`\nStave is running at ${config.publicUrl}\n\n`);
      await new Promise<void>((resolve) => {
        const shutdown = (signal: string) => {
          logger.info({ signal }, "shutting down");
          runtime.stop().then(resolve, (error) => {
            logger.error({ err: error }, "shutdown failed");
            resolve();
          });
        };
        process.once("SIGINT", shutdown);
        process.once("SIGTERM", shutdown);
      });
      return 0;
    }
    case "migrate": {
      const { close } = await openDatabase(config, logger);
      await close();
      return 0;
    }
    case "admin":
      return runAdmin(rest, config, logger);
    default:
      process.stderr.write(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

async function runAdmin(
  argv: string[],
  config: ReturnType<typeof loadConfig>,
  logger: ReturnType<typeof createLogger>,
) {
  const [subcommand, ...rest] = argv;
  if (subcommand && Object.hasOwn(accountCommands, subcommand)) {
    return runAccountCommand(subcommand as keyof typeof accountCommands, rest, config, logger);
  }
  if (subcommand !== "create-user") {
    process.stderr.write(`Unknown admin command: ${subcommand ?? "(none)"}\n\n${usage}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      username: { type: "string" },
      role: { type: "string", default: "admin" },
      password: { type: "string" },
    },
  });
  if (!values.email || !values.username) {
    process.stderr.write(`create-user needs --email and --username\n\n${usage}`);
    return 2;
  }
  const { database, close } = await openDatabase(config, logger);
  try {
    const created = await createUserAsOperator(database.primary, logger, {
      email: values.email,
      username: values.username,
      role: values.role ?? "admin",
      password: values.password,
    });
    process.stdout.write(`Created ${created.role} ${values.username} (${created.id})\n`);
    if (created.generatedPassword) {
      process.stdout.write(`Password (shown once, change it after signing in): ${created.generatedPassword}\n`);
    }
    return 0;
  } finally {
    await close();
  }
}

/** `admin set-role | suspend | unsuspend`: the admin routes' own services, audited as done by the CLI. */
const accountCommands = {
  "set-role": setRoleAsOperator,
  suspend: suspendAsOperator,
  unsuspend: unsuspendAsOperator,
};

async function runAccountCommand(
  name: keyof typeof accountCommands,
  argv: string[],
  config: ReturnType<typeof loadConfig>,
  logger: ReturnType<typeof createLogger>,
) {
  const { values } = parseArgs({
    args: argv,
    options: { user: { type: "string" }, role: { type: "string" }, reason: { type: "string" } },
  });
  const { database, close } = await openDatabase(config, logger);
  // A suspension moves the account's published media (revoking signed URLs). This process
  // serves none, so its cache is empty; the API processes evict theirs when they hear of it.
  const storage = createLocalStorage(config.paths.media);
  const media = { database, logger, storage, mediaCache: new ImmutableObjectCache(storage, 0) };
  try {
    process.stdout.write(`${await accountCommands[name]({ database, logger, media }, values)}\n`);
    return 0;
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
    } else if (error && typeof error === "object" && "issues" in error) {
      const issue = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues[0];
      process.stderr.write(`Invalid input: ${issue?.path.join(".")} ${issue?.message}\n`);
    } else {
      process.stderr.write(`stave: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exit(1);
  },
);
