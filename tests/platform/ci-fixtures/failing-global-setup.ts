export default function setup() {
  throw new Error('PostgreSQL did not start');
}
