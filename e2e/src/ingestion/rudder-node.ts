import RudderAnalytics from '@rudderstack/rudder-sdk-node';

export interface RudderNodeClient {
  /** RudderStack's Node SDK with Tend as its data plane. */
  analytics: RudderAnalytics;
  /** Why the SDK failed to deliver a batch. */
  failures: string[];
  /** Sends what is queued; resolves once Tend has answered every batch. */
  flush(): Promise<void>;
}

/**
 * `@rudderstack/rudder-sdk-node` with `dataPlaneUrl` set to Tend: it posts to `${dataPlaneUrl}/v1/batch`,
 * gzipped (Content-Encoding: gzip) under axios's default application/x-www-form-urlencoded, with the
 * write key as the Basic user and no write key in the body. Retries are off so a refusal shows at once.
 */
export function rudderNode(tendUrl: string, writeKey: string): RudderNodeClient {
  const failures: string[] = [];
  const analytics = new RudderAnalytics(writeKey, {
    dataPlaneUrl: tendUrl,
    retryCount: 0,
    logLevel: 'error',
    errorHandler: (error?: { message?: string; response?: { status?: number; data?: unknown } }) => {
      failures.push(`${error?.response?.status ?? ''} ${error?.message ?? String(error)} ${JSON.stringify(error?.response?.data ?? '')}`);
    },
  });
  return {
    analytics,
    failures,
    async flush() {
      // The SDK sends its first call alone, at once; flush() sends the rest and waits for both.
      await analytics.flush();
      await analytics.flush();
    },
  };
}
