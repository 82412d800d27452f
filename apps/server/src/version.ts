import { readFileSync } from "node:fs";
import { serverPath } from "./paths.ts";

const rootPackage = JSON.parse(readFileSync(serverPath("package.json"), "utf8")) as {
  version: string;
};

export const version = rootPackage.version;
