import { setup } from './test-cloud-global'

export default setup
