import type { PropsWithChildren } from 'react'
import './app.css'

// Pages do their own loading (services/cloud.ts inits the cloud lazily, once).
function App({ children }: PropsWithChildren) {
  return children
}

export default App
