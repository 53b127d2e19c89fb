import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { searchAttributeKeys } from '../../workflows/search-attributes';

const KEYWORD = temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;

/**
 * Registers the custom search attributes (idempotent). The dev server gets them at start;
 * the time-skipping test server and self-hosted clusters through the operator API.
 * Temporal Cloud manages them in its UI/tcld instead, where this call is refused.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const custom = existing.customAttributes ?? {};
  const toAdd = searchAttributeKeys.filter((k) => !(k.name in custom));
  if (toAdd.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(toAdd.map((k) => [k.name, KEYWORD])),
  });
}
