import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors.ts";

/** For pages: a use case's NOT_FOUND becomes Next's not-found page (status 404); other errors pass through. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
