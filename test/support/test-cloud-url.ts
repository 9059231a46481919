/** The base URL of the local cloud that test-cloud-global.ts started for this run. */
export function testCloudUrl(): string {
  const url = process.env.MQSD_TEST_CLOUD_URL
  if (!url) throw new Error('MQSD_TEST_CLOUD_URL is not set: run the suite through jest.config.js')
  return url
}
