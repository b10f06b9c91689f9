import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ReferenceKind } from '@mikro-orm/core';
import { EntityRepository } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../../src/db/entities.js';
import { TABLES_WITHOUT_ENTITY } from '../../src/db/tables-without-entity.js';
import { freshDatabase, type TestDatabase } from '../support/db.js';

/** PostgreSQL's name (information_schema.columns.data_type) of each column type the entities use. */
const PG_TYPE: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  boolean: 'boolean',
  bigint: 'bigint',
  int: 'integer',
  integer: 'integer',
  timestamptz: 'timestamp with time zone',
  jsonb: 'jsonb',
  json: 'jsonb',
  'text[]': 'ARRAY',
  'bigint[]': 'ARRAY',
  'int[]': 'ARRAY',
};

/** Every class decorated with @Entity under server/src, read from the source, with its file and that file's text. */
function entityClassesInSource(): { name: string; file: string; text: string }[] {
  const src = fileURLToPath(new URL('../../src/', import.meta.url));
  const found: { name: string; file: string; text: string }[] = [];
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    const text = readFileSync(join(src, file), 'utf8');
    for (const m of text.matchAll(/@Entity\((?:[^()]|\([^()]*\))*\)\s*(?:@\w+\([^)]*\)\s*)*export\s+(?:abstract\s+)?class\s+(\w+)/g))
      found.push({ name: m[1]!, file, text });
  }
  return found;
}

let db: TestDatabase;
beforeAll(async () => {
  db = await freshDatabase(2);
});
afterAll(async () => db?.close());

interface Column {
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
}

/** The migrations own the schema: an entity that disagrees with its table fails here, not in production. */
describe('entities match the migrated tables', () => {
  it('registers every entity class the code declares', () => {
    const declared = entityClassesInSource().map((e) => e.name);
    expect(declared.length).toBeGreaterThan(0);
    expect(entities.map((e) => e.name).sort()).toEqual(declared.sort());
  });

  it("gives every entity one door: an EntityRepository subclass named in @Entity and declared in the same *.repository.ts (or its aggregate root's)", () => {
    const declared = entityClassesInSource();
    const doors = declared.map(({ name, file, text }) => {
      const repository = db.orm.getMetadata().get(name).repository?.() as (new (...args: never[]) => unknown) | undefined;
      return {
        name,
        file,
        repository: repository?.name ?? null,
        isEntityRepository: repository ? repository.prototype instanceof EntityRepository : null,
        declaredBeside: repository ? new RegExp(`class\\s+${repository.name}\\s+extends\\s+EntityRepository<`).test(text) : null,
      };
    });
    for (const door of doors) {
      expect(door.file, door.name).toMatch(/\.repository\.ts$/);
      if (door.repository) expect(door, door.name).toMatchObject({ isEntityRepository: true, declaredBeside: true });
      // A member of an aggregate (a rate card's model rates) is reached through its root's repository, in the root's file.
      else
        expect(
          doors.some((d) => d.file === door.file && d.repository),
          `${door.name} has a door`,
        ).toBe(true);
    }
    expect(doors.filter((d) => d.repository).length).toBeGreaterThan(doors.length / 2);
  });

  it('gives every table an owner: an entity, or the engine with its reason written down', async () => {
    const tables = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const mapped = new Set(entities.map((e) => db.orm.getMetadata().get(e.name).tableName));
    const withoutEntity = tables.map((t) => t.table_name).filter((t) => !mapped.has(t));
    expect(withoutEntity.sort()).toEqual(Object.keys(TABLES_WITHOUT_ENTITY).sort());
  });

  for (const entity of entities) {
    it(`${entity.name}: every column mapped, with its type and nullability`, async () => {
      const meta = db.orm.getMetadata().get(entity.name);
      const columns = await db.query<Column>(
        `select column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1`,
        [meta.tableName],
      );
      expect(columns.length, `table ${meta.tableName} exists`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.column_name, c]));
      const mapped = new Map<string, { type: string; nullable: boolean }>();
      for (const prop of meta.props) {
        // A formula is computed, not a column; a reference is its owner's uuid column.
        if (prop.formula) continue;
        const reference = prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner);
        if (prop.kind !== ReferenceKind.SCALAR && !reference) continue;
        const type = reference ? 'uuid' : String(prop.columnTypes[0]).replace(/\(.*\)$/, '');
        mapped.set(prop.fieldNames[0], { type, nullable: Boolean(prop.nullable) });
      }
      const drift: string[] = [];
      for (const [name, prop] of mapped) {
        const column = byName.get(name);
        if (!column) drift.push(`${name}: no such column`);
        else {
          if ((PG_TYPE[prop.type] ?? prop.type) !== column.data_type) drift.push(`${name}: entity ${prop.type}, table ${column.data_type}`);
          if (prop.nullable !== (column.is_nullable === 'YES'))
            drift.push(
              `${name}: entity ${prop.nullable ? 'nullable' : 'not null'}, table ${column.is_nullable === 'YES' ? 'nullable' : 'not null'}`,
            );
        }
      }
      for (const name of byName.keys()) if (!mapped.has(name)) drift.push(`${name}: column not mapped`);
      expect(drift).toEqual([]);
    });
  }
});
