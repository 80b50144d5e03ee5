import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { AdminApiProvider } from '../../src/index.ts'
import '../../src/styles.css'
import { App } from './App.tsx'
import { PROXY_PATH } from './config.ts'
import './demo.css'

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AdminApiProvider endpoint={PROXY_PATH}>
        <App />
      </AdminApiProvider>
    </QueryClientProvider>
  </StrictMode>,
)
