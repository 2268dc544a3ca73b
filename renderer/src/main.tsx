import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/base.css';
import './styles/app.css';
import './styles/controls.css';
import './styles/welcome.css';
import './styles/session.css';
import './styles/workspace.css';
import './styles/reading.css';
import './styles/dialog.css';
import './styles/visit.css';
import './styles/optical.css';
import './styles/map.css';
import { App } from './app/App';
// After App: its features import their own styles, and the adaptive layout must come after them.
import './styles/layout.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
