import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/App';
import { ConsoleProvider } from './app/ConsoleProvider';
import { ConsoleServices } from './app/console-services';
import { readEnv } from './env';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// one set of services for the page's life; the provider hands them to components
const services = new ConsoleServices({ env: readEnv(), win: window });

createRoot(root).render(
  <StrictMode>
    <ConsoleProvider services={services}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </ConsoleProvider>
  </StrictMode>,
);
