import type { Metadata } from "next";
import { ReceiptForm } from "@/components/observations/receipt-form.tsx";

export const metadata: Metadata = { title: "Read replies to your report", robots: { index: false } };

// No sign-in: whoever holds the receipt code of an anonymous report reads its status and replies.
export default function ReceiptPage() {
  return (
    <main className="mx-auto max-w-md space-y-4 px-4 pt-6 pb-10">
      <h1 className="text-2xl font-bold text-slate-900">Replies to your report</h1>
      <p className="text-slate-700">Enter the receipt code you got when you sent an anonymous observation. Nobody can see who you are from it.</p>
      <ReceiptForm />
    </main>
  );
}
