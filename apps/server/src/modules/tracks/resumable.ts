import { mkdirSync } from "node:fs";
import path from "node:path";
import { api } from "@stave/contracts";
import { FileStore } from "@tus/file-store";
import type { Upload } from "@tus/server";
import type { FastifyInstance } from "fastify";
import type { Principal } from "../../platform/http/access.ts";
import { AppError } from "../../platform/http/errors.ts";
import { fileTooLarge, releaseUploadSpace, reserveUploadSpace, uploadLimitBytes } from "./storage-quota.ts";
import type { TracksContext } from "./tracks.context.ts";
import { ingestUpload } from "./tracks.service.ts";
import { EnvelopedTusServer } from "./tus-errors.ts";

/**
 * The contract names the tus requests (start, offset, chunk, cancel) for the web client and the
 * mocks, but they are not registered one by one with `serve`: @tus/server answers every method
 * under the path itself (OPTIONS discovery, the method override, its own header checks and
 * plain-text refusals), so the whole path is handed to it, with the operations' access policy.
 */
const startOperation = api.tracks.startResumableUpload;
export const RESUMABLE_PATH = startOperation.path;
/** Upload-Metadata keys a client may send; `filename` names the file, the rest are track details. */
const trackFields = ["title", "description", "genre", "tags", "visibility", "downloadable", "license", "releaseDate"];

type RawWithPrincipal = { stavePrincipal?: Principal | null };
type HookRequest = { runtime?: { node?: { req?: RawWithPrincipal } } };

const principalOf = (req: unknown) => (req as HookRequest).runtime?.node?.req?.stavePrincipal ?? null;
const errorBody = (error: AppError) =>
  JSON.stringify({
    error: { code: error.code, message: error.message, ...(error.details !== undefined && { details: error.details }) },
  });
const refusal = (error: AppError) => ({ status_code: error.status, body: errorBody(error) });

/**
 * An upload's quota reservation ends with its file, never before: a cancelled (DELETE) or
 * refused upload gives its room back once its file is really gone, inside tus's lock and
 * before the answer, so the next upload can use it. Should the removal fail, the upload lives
 * on with its reservation, and the clean-up pass releases it once the file is gone.
 */
class ReservingFileStore extends FileStore {
  constructor(
    options: ConstructorParameters<typeof FileStore>[0],
    private readonly ctx: TracksContext,
  ) {
    super(options);
  }

  override async remove(id: string) {
    await super.remove(id);
    await releaseUploadSpace(this.ctx, id).catch((error: unknown) =>
      this.ctx.logger.warn({ err: error, uploadId: id }, "could not release a removed upload's quota reservation"),
    );
  }
}

/**
 * Resumable uploads (tus 1.0) for large files: a dropped connection resumes where it
 * stopped. Chunks land in DATA_DIR/tmp/tus; the finished file goes through exactly the
 * same ingest as a multipart upload, and the last response carries the created track.
 */
export function registerResumableUploads(app: FastifyInstance, ctx: TracksContext) {
  const directory = path.join(ctx.tmpDir, "tus");
  mkdirSync(directory, { recursive: true });
  const datastore = new ReservingFileStore({ directory }, ctx);

  const server = new EnvelopedTusServer({
    path: RESUMABLE_PATH,
    datastore,
    // Read per request: a limit an admin changes applies to the next upload and chunk.
    maxSize: () => uploadLimitBytes(ctx),
    respectForwardedHeaders: true,
    logger: ctx.logger,
    async onIncomingRequest(req, uploadId) {
      const principal = principalOf(req);
      if (!principal) throw refusal(new AppError("UNAUTHENTICATED", "Sign in to continue"));
      if (!uploadId) return;
      // Only the creator of an upload may resume, inspect or cancel it.
      const upload = await datastore.getUpload(uploadId).catch(() => null);
      if (upload && upload.metadata?.ownerId !== principal.userId)
        throw refusal(new AppError("NOT_FOUND", "Upload not found"));
    },
    async onUploadCreate(req, upload) {
      const principal = principalOf(req) as Principal;
      // In flight, the upload holds its declared length (a deferred one: the largest allowed).
      const bytes = upload.size ?? (await uploadLimitBytes(ctx));
      try {
        await reserveUploadSpace(ctx, principal.userId, upload.id, bytes);
      } catch (error) {
        if (error instanceof AppError) throw refusal(error);
        throw error;
      }
      return { metadata: { ...upload.metadata, ownerId: principal.userId } };
    },
    async onUploadFinish(_req, upload: Upload) {
      const metadata = upload.metadata ?? {};
      const fields = Object.fromEntries(
        trackFields.flatMap((key) =>
          metadata[key] !== undefined && metadata[key] !== null ? [[key, String(metadata[key])]] : [],
        ),
      );
      const received = {
        fields,
        audio: {
          path: path.join(directory, upload.id),
          filename: String(metadata.filename ?? "upload"),
          size: upload.size ?? upload.offset,
        },
        artwork: null,
        reservationId: upload.id,
        discard: () => datastore.remove(upload.id).catch(() => undefined),
      };
      try {
        const track = await ingestUpload(ctx, String(metadata.ownerId), received);
        return { status_code: 201, headers: { "content-type": "application/json" }, body: JSON.stringify({ track }) };
      } catch (error) {
        if (error instanceof AppError) throw refusal(error);
        ctx.logger.error({ err: error }, "resumable upload ingest failed");
        throw refusal(new AppError("INTERNAL", "Something went wrong on our side"));
      } finally {
        // A created track took its reservation away in its own transaction; a refused one gives it
        // back here, with its file (and keeps it, should the file not go: the clean-up pass ends both).
        await received.discard();
      }
    },
  });

  app.addContentTypeParser("application/offset+octet-stream", (_request, _payload, done) => done(null));
  const handle = { config: { access: startOperation.access, scope: startOperation.scope }, schema: { hide: true } };
  const toTus = async (
    request: { raw: unknown; principal: Principal | null; method: string; headers: Record<string, unknown> },
    reply: { hijack(): void; raw: unknown },
  ) => {
    // tus would refuse an oversized upload too, but in plain text: say it in our error format.
    const declared = Number(request.headers["upload-length"]);
    if (request.method === "POST" && declared > 0) {
      const limitBytes = await uploadLimitBytes(ctx);
      if (declared > limitBytes) throw fileTooLarge(limitBytes);
    }
    (request.raw as RawWithPrincipal).stavePrincipal = request.principal;
    reply.hijack();
    await server.handle(request.raw as never, reply.raw as never);
  };
  app.all(RESUMABLE_PATH, handle, toTus);
  app.all(`${RESUMABLE_PATH}/*`, handle, toTus);
}
