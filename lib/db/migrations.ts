// Applies and creates Prisma migrations in-process through the WebAssembly schema engine, so that
// machines without network access (no engine binary download) can migrate. The folder format and
// the `_prisma_migrations` table are Prisma's own, so `prisma migrate deploy` works the same online.
// See docs/decisions/002-in-process-migrations.md. This wraps an internal Prisma API: keep the
// @prisma/* versions pinned exactly and change them together.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

const require = createRequire(import.meta.url);

export const DEFAULT_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
export const DEFAULT_SCHEMA_PATH = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

type Engine = Awaited<ReturnType<typeof bg.SchemaEngine.new>>;

let wasmReady = false;

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHARACTER_COLUMN_TYPE = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

let lastPanic = "";

function loadWasm(): void {
  if (wasmReady) return;
  // The engine reports Rust panics through this global; without it a panic surfaces as a TypeError.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  // The package's main entry imports the .wasm as an ES module, which Node refuses; load it by hand.
  const bgFile = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmFile = path.join(path.dirname(bgFile), "schema_engine_bg.wasm");
  // The engine arms timers that would keep Node alive ~10 s after the work ends: unref them.
  const imports: Record<string, unknown> = { ...bg };
  for (const key of Object.keys(bg)) {
    if (key.startsWith("__wbg_setTimeout")) {
      const original = (bg as unknown as Record<string, (...args: unknown[]) => unknown>)[key]!;
      imports[key] = (...args: unknown[]) => {
        const timer = original(...args) as { unref?: () => void };
        timer?.unref?.();
        return timer;
      };
    }
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmFile)), {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  wasmReady = true;
}

async function withEngine<T>(connectionString: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  loadWasm();
  // Our own pool, so that it is closed when the work ends (an idle client would otherwise outlive
  // the engine and crash the process when the server stops).
  const pool = new pg.Pool(clientConfig(connectionString));
  pool.on("error", () => {});
  const factory = new PrismaPg(pool);
  // The shadow database is opened from `config`; pg hides the pool's password from a spread.
  (factory as unknown as { config: pg.PoolConfig }).config = clientConfig(connectionString);
  const adapter = bindMigrationAwareSqlAdapterFactory(patchFactory(factory, pool));
  const engine = await bg.SchemaEngine.new({ datamodels: undefined } as never, () => {}, adapter);
  try {
    return await work(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`Schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    (engine as unknown as { free?: () => void }).free?.();
    await pool.end();
  }
}

/**
 * The adapter opens the shadow database as `{ ...config, database }`; with a connectionString in
 * the config, pg ignores `database` and the "shadow" would be the real database. Pass fields only.
 */
function clientConfig(connectionString: string): pg.PoolConfig {
  const { connectionString: _omit, ...fields } = parseIntoClientConfig(connectionString) as pg.PoolConfig;
  return fields;
}

type Field = { dataTypeID: number };
type RawResult = { columnTypes: number[]; rows: unknown[] };
type ScriptAdapter = {
  executeScript: (script: string) => Promise<void>;
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  performIO: (query: unknown) => Promise<{ fields: Field[]; rows: unknown[] }>;
  queryRaw: (query: unknown) => Promise<RawResult>;
};

/**
 * Two gaps in adapter-pg that only the schema engine hits:
 * - The engine reads pg_catalog columns of PostgreSQL's one-byte "char" type (e.g. contype) and
 *   expects the Character column type, but the adapter has no mapping for it and fails with
 *   "Column type 'char' could not be deserialized". Report those columns as Character.
 * - adapter-pg's executeScript splits a script on every ";", which breaks function bodies and even
 * comments. A migration is sent whole instead, as the native engine does (PostgreSQL's simple query
 * protocol runs several statements in one round trip).
 */
function patchFactory(factory: PrismaPg, mainPool: pg.Pool): PrismaPg {
  const patch = <T>(adapter: T): T => {
    const a = adapter as unknown as ScriptAdapter;
    const charColumns = new WeakMap<unknown[], number[]>();
    const performIO = a.performIO.bind(a);
    a.performIO = async (query) => {
      const result = await performIO(query);
      const indexes: number[] = [];
      result.fields.forEach((field, i) => {
        if (field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
          indexes.push(i);
        }
      });
      if (indexes.length) charColumns.set(result.rows, indexes);
      return result;
    };
    const queryRaw = a.queryRaw.bind(a);
    a.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = CHARACTER_COLUMN_TYPE;
      return result;
    };
    a.executeScript = async (script: string) => {
      try {
        await a.client.query(script);
      } catch (error) {
        a.onError(error);
      }
    };
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patch(await connect());
  factory.connectToShadowDb = async () => {
    const shadow = patch(await connectToShadowDb()) as unknown as { client: pg.Pool; release: () => Promise<void> };
    // adapter-pg drops the shadow database before closing its pool, which PostgreSQL refuses
    // ("being accessed by other users"). Close first, then drop.
    shadow.client.on("error", () => {});
    shadow.release = async () => {
      const database = (shadow.client as unknown as { options: { database: string } }).options.database;
      await shadow.client.end();
      await mainPool.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, "")}"`);
    };
    return shadow as unknown as Awaited<ReturnType<PrismaPg["connectToShadowDb"]>>;
  };
  return factory;
}

export function listMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR) {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const names = fs.existsSync(migrationsDir)
    ? fs
        .readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && fs.existsSync(path.join(migrationsDir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
    shadowDbInitScript: "",
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies pending migrations (like `prisma migrate deploy`). Returns the names it applied. */
export async function applyMigrations(connectionString: string, migrationsDir = DEFAULT_MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = listMigrations(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return [];
  return withEngine(connectionString, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters } as never);
    return (result as { appliedMigrationNames: string[] }).appliedMigrationNames;
  });
}

/**
 * SQL that takes a database (which must have every existing migration applied and nothing else)
 * to the given schema. Diffing from a scratch database avoids the shadow database that diffing
 * from the migrations folder would need.
 */
export async function diffToSchema(
  connectionString: string,
  schemaPath = DEFAULT_SCHEMA_PATH,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): Promise<string> {
  const content = fs.readFileSync(schemaPath, "utf8");
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: "migrations", ...listMigrations(migrationsDir) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: noFilters,
    } as never);
    return (result as { stdout: string }).stdout;
  });
}
