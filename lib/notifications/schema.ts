import { z } from "zod";

/** Page size for the bell (latest few) and for each page of /notifications. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

export const listNotificationsInput = z.object({
  take: z.number().int().min(1).max(50).default(NOTIFICATIONS_PAGE_SIZE),
  unreadOnly: z.boolean().default(false),
  /** The id of the last notification already shown: the next page starts after it. */
  after: z.string().min(1).max(64).optional(),
});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;

/** One notification by id, or all of the caller's unread ones. */
export const markNotificationsReadInput = z.union([
  z.object({ id: z.string().min(1).max(64) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;
