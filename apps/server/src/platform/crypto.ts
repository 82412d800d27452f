import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/** A random token for URLs and cookies: 32 bytes, base64url. */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** How tokens are stored: a lookup by hash never needs the token itself. */
export const sha256 = (value: string) => createHash("sha256").update(value).digest();

/** Compares two strings in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Keys derived from SECRET_KEY, one per purpose, so a leak of one use (say, a CSRF
 * token) says nothing about another (the key that encrypts 2FA secrets).
 */
export class Secrets {
  private readonly keys = new Map<string, Buffer>();
  constructor(private readonly secretKey: string) {}

  private key(purpose: string): Buffer {
    let key = this.keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync("sha256", this.secretKey, "stave", purpose, 32));
      this.keys.set(purpose, key);
    }
    return key;
  }

  hmac(purpose: string, value: string): string {
    return createHmac("sha256", this.key(purpose)).update(value).digest("base64url");
  }

  /** AES-256-GCM; the output carries its nonce and tag: `v1.<iv>.<tag>.<ciphertext>`. */
  encrypt(purpose: string, plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key(purpose), iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  decrypt(purpose: string, sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(".");
    if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Unknown sealed format");
    const decipher = createDecipheriv("aes-256-gcm", this.key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  }
}
