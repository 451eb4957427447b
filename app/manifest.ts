import type { MetadataRoute } from "next";

// Installable on a phone: it opens straight on the capture screen.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Learning Loop",
    short_name: "Learning Loop",
    description: "Log an observation in under 30 seconds, even offline.",
    start_url: "/capture",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#f8fafc",
    theme_color: "#0f766e",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
