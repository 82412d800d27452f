import { z } from "zod";

/** Keyset pagination: `?limit=&cursor=` in, `{items, nextCursor}` out. */
export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type PageQuery = z.infer<typeof pageQuerySchema>;
export type Page<T> = { items: T[]; nextCursor: string | null };
