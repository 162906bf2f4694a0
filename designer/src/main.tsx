import './zod-config.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ApiContext, defaultApiClient } from './api/api-context.ts';
import './styles.css';

class MissingRootElementError extends Error {
  override name = 'MissingRootElementError';
}

const container = document.getElementById('root');
if (!container) throw new MissingRootElementError('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ApiContext value={defaultApiClient}>
      <App />
    </ApiContext>
  </StrictMode>,
);
