// Prisma's schema engine compiled to WebAssembly, driven through the pg driver adapter.
// The Prisma CLI's native schema engine is downloaded at run time, which fails on machines
// without internet access; this engine ships inside an npm package and behaves the same
// (it records applied migrations in _prisma_migrations exactly as `prisma migrate deploy`).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export type { SchemaEngine };

// Node has WebAssembly; the node-only TypeScript libraries here do not declare it.
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: object }>;
};

let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const module = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(module, { "./schema_engine_bg.js": wasmBindings });
    wasmBindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return initialised;
}

export interface EngineOptions {
  connectionString: string;
  schemaPath: string;
  schemaText: string;
  /** Receives the engine's log lines (JSON strings). */
  onLog?: (line: string) => void;
}

export async function openSchemaEngine(options: EngineOptions): Promise<SchemaEngine> {
  await initialiseWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(introspectablePool(options.connectionString)));
  return wasmBindings.SchemaEngine.new(
    { datamodels: [[options.schemaPath, options.schemaText]] },
    (line: string) => options.onLog?.(line),
    adapter,
  );
}

// PostgreSQL's one-byte "char" type (catalog columns such as pg_class.relkind) has no mapping in
// the pg driver adapter, so the engine's schema description query fails with "Column type 'char'
// could not be deserialized". pg already returns those values as strings: report them as text.
const PG_CHAR_OID = 18;
const PG_CHAR_ARRAY_OID = 1002;
const PG_TEXT_OID = 25;
const PG_TEXT_ARRAY_OID = 1009;

function introspectablePool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      // pg.Pool calls client.query with a callback; transactions call it for a promise.
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: pg.QueryResult) =>
          last(error, result && reportCharAsText(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(reportCharAsText) : pending;
    };
  });
  return pool;
}

function reportCharAsText(result: pg.QueryResult): pg.QueryResult {
  for (const field of result.fields ?? []) {
    if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    else if (field.dataTypeID === PG_CHAR_ARRAY_OID) field.dataTypeID = PG_TEXT_ARRAY_OID;
  }
  return result;
}
