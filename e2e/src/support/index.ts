export * from './harness.js';
export { devServerTest, expect, tendTest, test, type Tend } from './fixture.js';
