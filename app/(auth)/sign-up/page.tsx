import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionCaller } from "@/lib/auth/session.ts";
import { SignUpForm } from "@/components/forms/sign-up-form.tsx";
import { Card } from "@/components/ui/card.tsx";

export const metadata: Metadata = { title: "Create an organization" };

export default async function SignUpPage() {
  if (await getSessionCaller()) redirect("/");
  return (
    <div className="space-y-6">
      <div className="text-center">
        <h1 className="text-2xl font-bold text-slate-900">Create an organization</h1>
        <p className="mt-1 text-sm text-slate-600">Set up Learning Loop for your organization and its first team. You will be its admin.</p>
      </div>
      <Card>
        <SignUpForm />
      </Card>
      <p className="text-center text-sm text-slate-700">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-semibold text-teal-800 underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
