import { teardown } from './test-cloud-global'

export default teardown
