// bench/export seeder: the exporting user's conversations with a few people (100,000
// messages by default) and playback history (50,000 entries) over a small catalogue,
// inserted straight into Stave's database with batched INSERT … SELECT FROM unnest(…).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { insertUnnest, inTransaction } from "../lib/bulk-insert.ts";

export interface ExportSeedSize {
  messages: number;
  history: number;
}

const BATCH = 10_000;
const CORRESPONDENTS = 5;
const CATALOGUE = 200;

/** A small deterministic PRNG (mulberry32): the same data on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  "the mix bridge chorus verse stems master tempo key loop synth drums bass vocal take demo " +
  "release tonight tomorrow studio gig tour listen great love sounds like maybe later send file " +
  "version final really nice quick question about that track again thanks see you soon café über"
).split(" ");

function sentence(next: () => number) {
  const length = 4 + Math.floor(next() * 24);
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)] as string);
  const text = picked.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${next() < 0.2 ? "?" : "."}`;
}

/**
 * Seeds what the export reads for `userId`: CORRESPONDENTS people to write with, a
 * creator with CATALOGUE tracks to listen to (their audio files do not exist, and need
 * not: only the user's own tracks go into the ZIP), then the messages and the history.
 * `ownTrackIds` (the user's uploaded tracks) are listened to as well.
 */
export async function seedExportUser(pool: pg.Pool, userId: string, ownTrackIds: string[], size: ExportSeedSize) {
  const next = random(7);
  const started = Date.parse("2024-01-01T00:00:00Z");
  const people = Array.from({ length: CORRESPONDENTS }, (_, index) => ({
    id: randomUUID(),
    username: `friend${index + 1}`,
  }));
  const catalogueOwner = randomUUID();
  const catalogue = Array.from({ length: CATALOGUE }, () => randomUUID());

  await inTransaction(pool, async (client) => {
    const users = [...people, { id: catalogueOwner, username: "catalogue" }];
    await insertUnnest(client, "users", [
      ["id", "uuid", users.map((user) => user.id)],
      ["email", "text", users.map((user) => `${user.username}@example.com`)],
      ["username", "text", users.map((user) => user.username)],
      ["role", "text", users.map((user) => (user.id === catalogueOwner ? "creator" : "user"))],
      ["is_verified", "bool", users.map(() => true)],
    ]);
    await insertUnnest(client, "user_profiles", [
      ["user_id", "uuid", users.map((user) => user.id)],
      ["display_name", "text", users.map((user) => `Bench ${user.username}`)],
    ]);
    await insertUnnest(client, "tracks", [
      ["id", "uuid", catalogue],
      ["owner_id", "uuid", catalogue.map(() => catalogueOwner)],
      ["title", "text", catalogue.map((_, index) => `Catalogue track ${index + 1}`)],
      ["slug", "text", catalogue.map((_, index) => `catalogue-track-${index + 1}`)],
      ["status", "text", catalogue.map(() => "ready")],
      ["original_key", "text", catalogue.map((id) => `bench/absent/${id}.wav`)],
      ["original_format", "text", catalogue.map(() => "wav")],
      ["original_size", "int8", catalogue.map(() => 1)],
      ["duration_ms", "int4", catalogue.map(() => 180_000 + Math.floor(next() * 120_000))],
    ]);
  });

  const conversations = people.map((person) => {
    const [low, high] = [userId, person.id].sort();
    return { id: randomUUID(), low: low as string, high: high as string, other: person.id };
  });
  await inTransaction(pool, async (client) => {
    await insertUnnest(client, "conversations", [
      ["id", "uuid", conversations.map((conversation) => conversation.id)],
      ["user_low", "uuid", conversations.map((conversation) => conversation.low)],
      ["user_high", "uuid", conversations.map((conversation) => conversation.high)],
    ]);
    await insertUnnest(client, "conversation_members", [
      ["conversation_id", "uuid", conversations.flatMap((conversation) => [conversation.id, conversation.id])],
      ["user_id", "uuid", conversations.flatMap((conversation) => [userId, conversation.other])],
    ]);
  });

  // One message every ~5 minutes across the conversations, alternating who writes.
  await inTransaction(pool, async (client) => {
    for (let offset = 0; offset < size.messages; offset += BATCH) {
      const count = Math.min(BATCH, size.messages - offset);
      const conversation = Array.from(
        { length: count },
        (_, index) => conversations[(offset + index) % conversations.length],
      );
      await insertUnnest(client, "messages", [
        ["conversation_id", "uuid", conversation.map((item) => item?.id)],
        ["sender_id", "uuid", conversation.map((item) => (next() < 0.5 ? userId : item?.other))],
        ["body", "text", conversation.map(() => sentence(next))],
        [
          "created_at",
          "timestamptz",
          conversation.map((_, index) => new Date(started + (offset + index) * 300_000).toISOString()),
        ],
      ]);
    }
    await client.query(
      "UPDATE conversations c SET last_message_at = (SELECT max(created_at) FROM messages m WHERE m.conversation_id = c.id) WHERE c.id = ANY($1::uuid[])",
      [conversations.map((conversation) => conversation.id)],
    );
  });

  const listenable = [...ownTrackIds, ...catalogue];
  await inTransaction(pool, async (client) => {
    for (let offset = 0; offset < size.history; offset += BATCH) {
      const count = Math.min(BATCH, size.history - offset);
      const index = Array.from({ length: count }, (_, position) => offset + position);
      await insertUnnest(client, "playback_history", [
        ["user_id", "uuid", index.map(() => userId)],
        ["track_id", "uuid", index.map(() => listenable[Math.floor(next() * listenable.length)])],
        ["played_at", "timestamptz", index.map((position) => new Date(started + position * 600_000).toISOString())],
        ["listened_ms", "int4", index.map(() => Math.floor(next() * 240_000))],
      ]);
    }
  });
  await pool.query("VACUUM (ANALYZE) users, user_profiles, tracks, conversations, conversation_members");
  await pool.query("VACUUM (ANALYZE) messages, playback_history");
}
