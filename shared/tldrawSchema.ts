/** The tldraw schema of the pinned version, made once: for validating records and stamping documents. */
import { createTLSchema } from '@tldraw/tlschema';

let schema: ReturnType<typeof createTLSchema> | undefined;

export function tldrawSchema(): ReturnType<typeof createTLSchema> {
  schema ??= createTLSchema();
  return schema;
}
