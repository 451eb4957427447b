"use client";

import { signIn } from "next-auth/react";
import { Button } from "@/components/ui/button.tsx";

/** Buttons for the OAuth providers that are configured on this server (none by default). */
export function OAuthButtons({ providers, callbackUrl }: { providers: { id: string; name: string }[]; callbackUrl: string }) {
  if (providers.length === 0) return null;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs text-slate-600" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-300" />
        or
        <span className="h-px flex-1 bg-slate-300" />
      </div>
      {providers.map((p) => (
        <Button key={p.id} variant="secondary" className="w-full" onClick={() => void signIn(p.id, { callbackUrl })}>
          Continue with {p.name}
        </Button>
      ))}
    </div>
  );
}
