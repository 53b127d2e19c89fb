// Pinned versions, verified on the project's 2-core machines (see README "Servers without internet").
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
export const STRIPE_MOCK_MODULE = 'github.com/stripe/stripe-mock@v0.203.0';
export const TEMPORAL_TEST_SERVER_ARTIFACT = { groupId: 'io.temporal', artifactId: 'temporal-test-server', version: '1.38.0' };
