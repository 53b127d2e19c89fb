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
  const custom = await connection.operatorService.listSearchAttributes({ namespace }).then(
    (existing) => existing.customAttributes ?? {},
    // The Java time-skipping test server implements add but not list: add one by one instead.
    (err) => {
      if (grpcCode(err) === UNIMPLEMENTED) return null;
      throw err;
    },
  );
  const toAdd = searchAttributeKeys.filter((k) => !custom || !(k.name in custom));
  if (toAdd.length === 0) return;
  if (custom) {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(toAdd.map((k) => [k.name, KEYWORD])),
    });
    return;
  }
  for (const k of toAdd) {
    await connection.operatorService
      .addSearchAttributes({ namespace, searchAttributes: { [k.name]: KEYWORD } })
      .catch((err) => {
        if (grpcCode(err) !== ALREADY_EXISTS) throw err;
      });
  }
}

const ALREADY_EXISTS = 6;
const UNIMPLEMENTED = 12;
const grpcCode = (err: unknown) => (err as { code?: number } | null)?.code;
