import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { ConsoleProvider } from './app/ConsoleProvider';
import { ConsoleServices } from './app/console-services';
import { readEnv } from './env';
import { I18nProvider } from './i18n/I18nProvider';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// one set of services for the page's life; the provider hands them to components
const services = new ConsoleServices({ env: readEnv(), win: window });
// the first screen is already in the user's language: its catalog comes before the first render
// (a promise, not a top-level await: that would keep lazy pages from sharing this chunk's modules)
void services.languages.start(window.navigator.languages).then(() =>
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ConsoleProvider services={services}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </ConsoleProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
