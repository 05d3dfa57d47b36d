/** The entry of every page: picks the page from the address and renders it. */
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { pageFor } from './pages.js';
import './styles/base.css';

const entry = pageFor(window.location.pathname);
const root = createRoot(document.getElementById('root')!);

if (entry) {
  document.title = `${entry.title} · Manifold`;
  const Page = lazy(entry.load);
  root.render(
    <StrictMode>
      <Suspense fallback={<p className="page-loading">Loading…</p>}>
        <Page />
      </Suspense>
    </StrictMode>,
  );
} else {
  root.render(<p className="page-loading">There is no page at this address.</p>);
}
