import { z } from "zod";

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "That password is too long.");
export const personNameSchema = z.string().trim().min(1, "Enter your name.").max(100);

export const signUpInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  organizationName: z.string().trim().min(2, "Organization name needs at least 2 characters.").max(100),
  teamName: z.string().trim().min(2, "Team name needs at least 2 characters.").max(80).default("My team"),
});
export type SignUpInput = z.infer<typeof signUpInput>;
