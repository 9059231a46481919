// The database manifest (collections + indexes) shared by the local cloud and production setup.
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface ManifestIndex {
  name: string
  fields: Record<string, 1 | -1>
  unique?: boolean
  /** Like Mongo's sparse unique index: documents missing every indexed field are not indexed. */
  sparse?: boolean
}

export interface ManifestCollection {
  name: string
  indexes?: ManifestIndex[]
  /** Production security rules; the local cloud ignores them (functions bypass rules anyway). */
  rules?: unknown
}

export interface Manifest {
  collections: ManifestCollection[]
}

export const DEFAULT_MANIFEST: Manifest = {
  collections: [
    {
      name: 'users',
      indexes: [{ name: 'openid_unique', fields: { openid: 1 }, unique: true }],
      rules: { read: false, write: false },
    },
  ],
}

export function validateManifest(value: unknown, source: string): Manifest {
  const fail = (why: string): never => {
    throw new Error(`invalid database manifest ${source}: ${why}`)
  }
  if (value === null || typeof value !== 'object') return fail('not an object')
  const cols = (value as { collections?: unknown }).collections
  if (!Array.isArray(cols)) return fail('"collections" must be an array')
  for (const c of cols as ManifestCollection[]) {
    if (!c || typeof c.name !== 'string' || !c.name) fail('a collection has no name')
    for (const ix of c.indexes ?? []) {
      if (!ix || typeof ix.name !== 'string') fail(`an index of ${c.name} has no name`)
      const fields = Object.keys(ix.fields ?? {})
      if (fields.length === 0) fail(`index ${c.name}.${ix.name} has no fields`)
    }
  }
  return value as Manifest
}

/** Reads the manifest; a missing file is created with the starter shape the lead fills in. */
export function loadManifest(file: string): Manifest {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(DEFAULT_MANIFEST, null, 2) + '\n')
  }
  return validateManifest(JSON.parse(fs.readFileSync(file, 'utf8')), file)
}
