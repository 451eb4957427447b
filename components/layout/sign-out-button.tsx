"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button.tsx";

export function SignOutButton({ className = "" }: { className?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className={className}
      pending={pending}
      pendingLabel="Signing out…"
      onClick={() => {
        setPending(true);
        // A shared ward phone must not keep the previous person's offline capture page.
        if ("caches" in window) void caches.delete("ll-capture-v1");
        void signOut({ callbackUrl: "/sign-in" });
      }}
    >
      Sign out
    </Button>
  );
}
