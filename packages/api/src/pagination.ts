import { z } from "zod";

/** Server-side pagination for every list: pages of at most 200 rows. */
export const pageInput = z.object({
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PageInput = z.infer<typeof pageInput>;

export function pageArgs(input: PageInput): { skip: number; take: number } {
  return { skip: (input.page - 1) * input.pageSize, take: input.pageSize };
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
