// Prints database/manifest.json as the steps to take in the WeChat cloud console:
// collections to create, the security rule of each, and the indexes (unique ones marked).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

interface Manifest {
  collections: {
    name: string
    indexes: { name: string; fields: Record<string, 1 | -1>; unique?: boolean }[]
    rules: { read: boolean | string; write: boolean | string }
  }[]
}

const manifest = JSON.parse(
  readFileSync(join(__dirname, '..', 'database', 'manifest.json'), 'utf8'),
) as Manifest

for (const c of manifest.collections) {
  console.log(`collection ${c.name}`)
  console.log(`  security rule: ${JSON.stringify(c.rules)}`)
  for (const i of c.indexes) {
    const fields = Object.entries(i.fields)
      .map(([f, dir]) => `${f} ${dir === 1 ? '升序' : '降序'}`)
      .join(', ')
    console.log(`  index ${i.name}${i.unique ? ' (唯一)' : ''}: ${fields}`)
  }
}
