export { createSalesActivities, type SalesActivities } from './sales';
