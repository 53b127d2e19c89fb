import { createLogger } from '../../src/logger';
import { installTemporalRuntime } from '../../src/temporal/runtime';

// One Temporal runtime per test process, logging through pino (silent unless TEST_LOG_LEVEL is set).
installTemporalRuntime(createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'));
