import type { Client } from '@temporalio/client';
import type { Sql } from '../db/connect';

export interface AggregatorServices {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
}
