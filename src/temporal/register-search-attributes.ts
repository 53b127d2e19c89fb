import type { Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { searchAttributeKeys } from '../../workflows/platform/search-attribute-definitions';

// @temporalio/proto is CommonJS: under Node's ESM loader only its default export is reliable.
const INDEXED = proto.temporal.api.enums.v1.IndexedValueType;
const indexedType = (type: string) => (type === 'KEYWORD_LIST' ? INDEXED.INDEXED_VALUE_TYPE_KEYWORD_LIST : INDEXED.INDEXED_VALUE_TYPE_KEYWORD);

const codeOf = (err: unknown) => (err as { code?: number }).code;
// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).
const grpcStatus = { ALREADY_EXISTS: 6, UNIMPLEMENTED: 12 } as const;

/**
 * Registers the custom search attributes (idempotent). The dev server gets them at start;
 * the time-skipping test server and self-hosted clusters through the operator API.
 * Temporal Cloud manages them in its UI/tcld instead, where this call is refused.
 */
export async function registerSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  let toAdd = searchAttributeKeys;
  try {
    const existing = await connection.operatorService.listSearchAttributes({ namespace });
    const custom = existing.customAttributes ?? {};
    toAdd = searchAttributeKeys.filter((k) => !(k.name in custom));
  } catch (err) {
    // The Java time-skipping server can add search attributes but not list them.
    if (codeOf(err) !== grpcStatus.UNIMPLEMENTED) throw err;
  }
  if (toAdd.length === 0) return;
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(toAdd.map((k) => [k.name, indexedType(k.type)])),
    });
  } catch (err) {
    if (codeOf(err) !== grpcStatus.ALREADY_EXISTS) throw err;
  }
}
