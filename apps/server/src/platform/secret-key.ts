import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * SECRET_KEY when set; otherwise the key generated into DATA_DIR on first start, so a
 * laptop install needs no setup and keeps its sessions and encrypted secrets across restarts.
 */
export async function resolveSecretKey(configured: string | undefined, keyFile: string): Promise<string> {
  if (configured) return configured;
  if (existsSync(keyFile)) return (await readFile(keyFile, "utf8")).trim();
  await mkdir(path.dirname(keyFile), { recursive: true });
  const key = randomBytes(32).toString("base64url");
  await writeFile(keyFile, `${key}\n`, { mode: 0o600, flag: "wx" }).catch(async (error) => {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  });
  return (await readFile(keyFile, "utf8")).trim();
}
